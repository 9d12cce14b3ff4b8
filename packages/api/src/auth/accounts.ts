import { type Database, insertAccount } from "@realise/db";
import type { Region, Role } from "@realise/domain";
import type { Auth } from "./auth.js";

/** Who an account is and what it is bound to: a national role, a trust role on one trust, an ICB or a region. */
export interface AccountBinding {
  email: string;
  name: string;
  role: Role;
  odsCode: string | null;
  icbCode?: string | null;
  region?: Region | null;
}

/**
 * What creating an account needs from better-auth: its password hashing (so its sign-in verifies the hash)
 * and its ids. The rows themselves are written by us, so they commit in one transaction with the role
 * binding and the audit row.
 */
export interface AccountCredentials {
  hashPassword(password: string): Promise<string>;
  newId(model: "user" | "account"): string;
}

/** better-auth's hashing and ids, as account creation needs them. */
export async function credentialsOf(auth: Auth): Promise<AccountCredentials> {
  const ctx = await auth.$context;
  return {
    hashPassword: (password) => ctx.password.hash(password),
    // generateId is false when the database makes ids; ours does not, but a random UUID is as good.
    newId: (model) => ctx.generateId({ model }) || crypto.randomUUID(),
  };
}

/** better-auth's password hashing and checking, for the reset, change and invitation services. */
export interface PasswordTools {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export async function passwordToolsOf(auth: Auth): Promise<PasswordTools> {
  const ctx = await auth.$context;
  return {
    hash: (password) => ctx.password.hash(password),
    verify: (hash, password) => ctx.password.verify({ hash, password }),
  };
}

/**
 * Create an account with a password hashed by better-auth and bind it to a role (and trust), in one
 * transaction. Used by demo mode and the benchmark; the national admin's screen uses the audited
 * `registerAccount` service.
 */
export async function createAccount(
  database: Database,
  auth: Auth,
  account: AccountBinding & { password: string; passwordHash?: string },
): Promise<string> {
  const credentials = await credentialsOf(auth);
  const passwordHash = account.passwordHash ?? (await credentials.hashPassword(account.password));
  const userId = credentials.newId("user");
  await database.db.transaction().execute((trx) =>
    insertAccount(trx, {
      userId,
      credentialId: credentials.newId("account"),
      email: account.email,
      name: account.name,
      passwordHash,
      role: account.role,
      odsCode: account.odsCode,
      icbCode: account.icbCode ?? null,
      region: account.region ?? null,
    }),
  );
  return userId;
}
