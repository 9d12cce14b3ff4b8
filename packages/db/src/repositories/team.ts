import type { Role } from "@realise/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

/** better-auth's session table (its own migrations); read and deleted here to end an account's sessions. */
interface AuthSessionTable {
  id: string;
  token: string;
  userId: string;
  expiresAt: Date;
}
interface AuthAccountTable {
  id: string;
  userId: string;
  providerId: string;
  password: string | null;
  updatedAt: Date;
}
const auth = (db: Kysely<DB>) => db.withTables<{ session: AuthSessionTable; account: AuthAccountTable }>();

export interface AccountState {
  userId: string;
  email: string;
  name: string;
  role: Role;
  odsCode: string | null;
  disabledAt: Date | null;
}

const accountColumns = [
  "u.id as userId",
  "u.email",
  "u.name",
  "r.role",
  "r.ods_code as odsCode",
  "r.disabled_at as disabledAt",
] as const;

/** An account with its binding and whether it is disabled, locked for the caller's transaction. */
export async function lockAccount(db: Kysely<DB>, userId: string): Promise<AccountState | undefined> {
  const row = await db
    .selectFrom("user as u")
    .innerJoin("user_role as r", "r.user_id", "u.id")
    .select(accountColumns)
    .where("u.id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  return row as AccountState | undefined;
}

/** An account by its (lower-case) email, with its binding. */
export async function accountByEmail(db: Kysely<DB>, email: string): Promise<AccountState | undefined> {
  const row = await db
    .selectFrom("user as u")
    .innerJoin("user_role as r", "r.user_id", "u.id")
    .select(accountColumns)
    .where("u.email", "=", email.toLowerCase())
    .executeTakeFirst();
  return row as AccountState | undefined;
}

/** Whether an account is disabled (an unknown account counts as not disabled: it has no binding to refuse). */
export async function isAccountDisabled(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("user_role")
    .select("disabled_at")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.disabled_at != null;
}

export async function setAccountDisabled(db: Kysely<DB>, userId: string, at: Date | null): Promise<void> {
  await db.updateTable("user_role").set({ disabled_at: at }).where("user_id", "=", userId).execute();
}

export async function renameAccount(db: Kysely<DB>, userId: string, name: string): Promise<void> {
  await db.updateTable("user").set({ name, updatedAt: new Date() }).where("id", "=", userId).execute();
}

/** End every session of an account, or every one but the session with `keepToken`; returns how many. */
export async function deleteSessions(db: Kysely<DB>, userId: string, keepToken?: string): Promise<number> {
  let q = auth(db).deleteFrom("session").where("userId", "=", userId);
  if (keepToken) q = q.where("token", "!=", keepToken);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The account's password hash (its credential row), locked for the caller's transaction. */
export async function lockPasswordHash(db: Kysely<DB>, userId: string): Promise<string | null> {
  const row = await auth(db)
    .selectFrom("account")
    .select("password")
    .where("userId", "=", userId)
    .where("providerId", "=", "credential")
    .forUpdate()
    .executeTakeFirst();
  return row?.password ?? null;
}

export async function setPasswordHash(db: Kysely<DB>, userId: string, hash: string): Promise<void> {
  await auth(db)
    .updateTable("account")
    .set({ password: hash, updatedAt: new Date() })
    .where("userId", "=", userId)
    .where("providerId", "=", "credential")
    .execute();
}

export interface TeamMember {
  userId: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
}

/** A trust's accounts, by name. */
export async function teamMembers(db: Kysely<DB>, odsCode: string): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom("user as u")
    .innerJoin("user_role as r", "r.user_id", "u.id")
    .select([...accountColumns, "u.createdAt as createdAt"])
    .where("r.ods_code", "=", odsCode)
    .orderBy("u.name")
    .orderBy("u.email")
    .execute();
  return rows.map(({ odsCode: _o, ...r }) => r as TeamMember);
}

export interface InvitationRow {
  id: string;
  email: string;
  odsCode: string;
  role: Role;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

const invitationColumns = [
  "id",
  "email",
  "ods_code as odsCode",
  "role",
  "invited_by as invitedBy",
  "created_at as createdAt",
  "expires_at as expiresAt",
  "accepted_at as acceptedAt",
] as const;

/** A trust's invitations not yet accepted, newest first. */
export async function pendingInvitations(db: Kysely<DB>, odsCode: string): Promise<InvitationRow[]> {
  const rows = await db
    .selectFrom("invitation")
    .select(invitationColumns)
    .where("ods_code", "=", odsCode)
    .where("accepted_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
  return rows as InvitationRow[];
}

/** An open invitation to an address (not accepted), locked. */
export async function lockOpenInvitationFor(db: Kysely<DB>, email: string) {
  const row = await db
    .selectFrom("invitation")
    .select(invitationColumns)
    .where("email", "=", email.toLowerCase())
    .where("accepted_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  return row as InvitationRow | undefined;
}

export async function lockInvitation(db: Kysely<DB>, id: string) {
  const row = await db
    .selectFrom("invitation")
    .select(invitationColumns)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row as InvitationRow | undefined;
}

export async function lockInvitationByToken(db: Kysely<DB>, tokenHash: string) {
  const row = await db
    .selectFrom("invitation")
    .select(invitationColumns)
    .where("token_hash", "=", tokenHash)
    .forUpdate()
    .executeTakeFirst();
  return row as InvitationRow | undefined;
}

export async function insertInvitation(
  db: Kysely<DB>,
  row: {
    id: string;
    tokenHash: string;
    email: string;
    odsCode: string;
    role: Role;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto("invitation")
    .values({
      id: row.id,
      token_hash: row.tokenHash,
      email: row.email.toLowerCase(),
      ods_code: row.odsCode,
      role: row.role,
      invited_by: row.invitedBy,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Give an invitation a new token and expiry (resend): the old link stops working. */
export async function renewInvitation(db: Kysely<DB>, id: string, tokenHash: string, expiresAt: Date) {
  await db
    .updateTable("invitation")
    .set({ token_hash: tokenHash, expires_at: expiresAt })
    .where("id", "=", id)
    .execute();
}

export async function markInvitationAccepted(db: Kysely<DB>, id: string, userId: string) {
  await db
    .updateTable("invitation")
    .set({ accepted_at: sql<Date>`now()`, user_id: userId })
    .where("id", "=", id)
    .execute();
}

export async function insertPasswordReset(
  db: Kysely<DB>,
  row: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("password_reset")
    .values({ token_hash: row.tokenHash, user_id: row.userId, expires_at: row.expiresAt })
    .execute();
}

export async function lockPasswordReset(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom("password_reset")
    .select(["user_id as userId", "expires_at as expiresAt", "used_at as usedAt"])
    .where("token_hash", "=", tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

/** Mark every open reset link of the account used (one reset ends the others). */
export async function usePasswordResets(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable("password_reset")
    .set({ used_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}
