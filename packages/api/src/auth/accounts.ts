import type { Database } from "@realise/db";
import type { Role } from "@realise/domain";
import type { Auth } from "./auth.js";

/** Who an account is and what it is bound to: a national role, or a trust role on one trust. */
export interface AccountBinding {
  email: string;
  name: string;
  role: Role;
  odsCode: string | null;
}

/**
 * Create an account with a password hashed by better-auth and bind it to a role (and trust).
 * Used by the national admin's account screen and by demo mode.
 */
export async function createAccount(
  database: Database,
  auth: Auth,
  account: AccountBinding & { password: string; passwordHash?: string },
): Promise<string> {
  const ctx = await auth.$context;
  const hash = account.passwordHash ?? (await ctx.password.hash(account.password));
  const user = await ctx.internalAdapter.createUser(
    { email: account.email.toLowerCase(), name: account.name, emailVerified: true },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: hash,
  });
  await database.db
    .insertInto("user_role")
    .values({ user_id: user.id, role: account.role, ods_code: account.odsCode })
    .execute();
  return user.id;
}
