import type { Region, Role } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

export interface AccountRow {
  userId: string;
  email: string;
  name: string;
  role: Role;
  odsCode: string | null;
  trustName: string | null;
  createdAt: Date;
  /** When the account was disabled, or null. */
  disabledAt: Date | null;
}

/** Every account with its role and trust binding, ordered by email. */
export async function listAccounts(
  db: Kysely<DB>,
  filter: { search?: string | undefined } = {},
): Promise<AccountRow[]> {
  let q = db
    .selectFrom("user as u")
    .innerJoin("user_role as r", "r.user_id", "u.id")
    .leftJoin("organisation as o", "o.ods_code", "r.ods_code")
    .select([
      "u.id as userId",
      "u.email",
      "u.name",
      "r.role",
      "r.ods_code as odsCode",
      "o.name as trustName",
      "u.createdAt as createdAt",
      "r.disabled_at as disabledAt",
    ])
    .$narrowType<{ role: Role }>()
    .orderBy("u.email");
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb("u.email", "ilike", pattern),
        eb("u.name", "ilike", pattern),
        eb("r.ods_code", "ilike", pattern),
      ]),
    );
  }
  return q.execute();
}

/** Whether an account already uses the address (stored lower-case). */
export async function emailInUse(db: Kysely<DB>, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("user")
    .select("id")
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the registry has a trust with this ODS code. */
export async function organisationExists(db: Kysely<DB>, odsCode: string): Promise<boolean> {
  const row = await db
    .selectFrom("organisation")
    .select("ods_code")
    .where("ods_code", "=", odsCode)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * better-auth's credential table (created by its own migrations). Written here only so that an account,
 * its credential and its role binding commit in one transaction; better-auth reads it to sign in.
 */
interface AuthAccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  password: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewAccount {
  userId: string;
  credentialId: string;
  email: string;
  name: string;
  /** Hashed by better-auth, so that its sign-in verifies it. */
  passwordHash: string;
  role: Role;
  odsCode: string | null;
  /** An ICB viewer's ICB code. */
  icbCode?: string | null;
  /** A region viewer's region. */
  region?: Region | null;
}

/** Insert a user, its password credential and its role binding (inside the caller's transaction). */
export async function insertAccount(db: Kysely<DB>, account: NewAccount): Promise<void> {
  const now = new Date();
  await db
    .insertInto("user")
    .values({
      id: account.userId,
      email: account.email.toLowerCase(),
      name: account.name,
      emailVerified: true,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .withTables<{ account: AuthAccountTable }>()
    .insertInto("account")
    .values({
      id: account.credentialId,
      accountId: account.userId,
      providerId: "credential",
      userId: account.userId,
      password: account.passwordHash,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto("user_role")
    .values({
      user_id: account.userId,
      role: account.role,
      ods_code: account.odsCode,
      icb_code: account.icbCode ?? null,
      region: account.region ?? null,
    })
    .execute();
}

/** An account's role binding, locked for the caller's transaction. */
export async function lockRoleBinding(db: Kysely<DB>, userId: string) {
  const row = await db
    .selectFrom("user_role")
    .select(["user_id as userId", "role", "ods_code as odsCode"])
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  return row as { userId: string; role: Role; odsCode: string | null } | undefined;
}

export async function countNationalAdmins(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom("user_role")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("role", "=", "national_admin")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateRoleBinding(
  db: Kysely<DB>,
  userId: string,
  binding: { role: Role; odsCode: string | null },
) {
  await db
    .updateTable("user_role")
    .set({ role: binding.role, ods_code: binding.odsCode })
    .where("user_id", "=", userId)
    .execute();
}
