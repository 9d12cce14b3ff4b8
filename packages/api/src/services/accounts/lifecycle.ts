import {
  type AccountState,
  type DB,
  deleteSessions,
  lockAccount,
  renameAccount,
  setAccountDisabled,
  writeAudit,
} from "@realise/db";
import { AppError, checkDisable, type Principal } from "@realise/domain";
import { type Kysely, sql } from "kysely";

/** Which account, and, for a trust's approver, the trust it must belong to. */
export interface AccountTarget {
  userId: string;
  /** When set, the account must be bound to this trust (team management); a national admin's console omits it. */
  odsCode?: string;
}

/** Lock the account and check it is in the trust the caller manages; the same answer for "no such account". */
export async function lockTarget(trx: Kysely<DB>, target: AccountTarget): Promise<AccountState> {
  const account = await lockAccount(trx, target.userId);
  if (!account || (target.odsCode !== undefined && account.odsCode !== target.odsCode))
    throw AppError.notFound(
      target.odsCode ? `Trust ${target.odsCode} has no such account` : "No account has that id",
    );
  return account;
}

/** National admins that are not disabled (counted under lock of the changed account). */
async function activeNationalAdmins(trx: Kysely<DB>): Promise<number> {
  const row = await sql<{ n: string }>`
    select count(*) as n from user_role where role = 'national_admin' and disabled_at is null`.execute(trx);
  return Number(row.rows[0]?.n ?? 0);
}

/**
 * Disable an account (a leaver): sign-in refused from now on and every session deleted in the same
 * transaction, so a request with an old cookie is refused at once. Nobody disables themselves, and the
 * last national admin stays.
 */
export async function disableAccount(db: Kysely<DB>, target: AccountTarget, actor: Principal) {
  return db.transaction().execute(async (trx) => {
    const account = await lockTarget(trx, target);
    checkDisable(actor, account, account.role === "national_admin" ? await activeNationalAdmins(trx) : 0);
    if (account.disabledAt) return { userId: account.userId, disabled: true, sessionsEnded: 0 };
    await setAccountDisabled(trx, account.userId, new Date());
    const sessionsEnded = await deleteSessions(trx, account.userId);
    await writeAudit(trx, actor, {
      action: "account.disable",
      entity: "user",
      entityKey: account.userId,
      odsCode: account.odsCode,
      before: { disabled: false },
      after: { disabled: true, sessionsEnded },
    });
    return { userId: account.userId, disabled: true, sessionsEnded };
  });
}

/** Re-enable a disabled account: its holder can sign in again with their password. */
export async function enableAccount(db: Kysely<DB>, target: AccountTarget, actor: Principal) {
  return db.transaction().execute(async (trx) => {
    const account = await lockTarget(trx, target);
    if (!account.disabledAt) return { userId: account.userId, disabled: false };
    await setAccountDisabled(trx, account.userId, null);
    await writeAudit(trx, actor, {
      action: "account.enable",
      entity: "user",
      entityKey: account.userId,
      odsCode: account.odsCode,
      before: { disabled: true },
      after: { disabled: false },
    });
    return { userId: account.userId, disabled: false };
  });
}

/** Change the name an account is shown by. */
export async function renameAccountOf(
  db: Kysely<DB>,
  input: { userId: string; name: string },
  actor: Principal,
) {
  return db.transaction().execute(async (trx) => {
    const account = await lockTarget(trx, { userId: input.userId });
    if (account.name !== input.name) {
      await renameAccount(trx, account.userId, input.name);
      await writeAudit(trx, actor, {
        action: "account.rename",
        entity: "user",
        entityKey: account.userId,
        odsCode: account.odsCode,
        before: { name: account.name },
        after: { name: input.name },
      });
    }
    return { userId: account.userId, name: input.name };
  });
}
