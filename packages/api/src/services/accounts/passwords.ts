import {
  accountByEmail,
  type DB,
  deleteSessions,
  enqueueMail,
  insertPasswordReset,
  lockPasswordHash,
  lockPasswordReset,
  setPasswordHash,
  usePasswordResets,
  writeAudit,
} from "@realise/db";
import { AppError, linkProblem, PASSWORD_RESET_HOURS, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { PasswordTools } from "../../auth/accounts.js";
import { passwordProblem } from "../../auth/password-policy.js";
import type { AccountChangePassword, AccountResetPassword } from "../../contracts/team.js";
import { passwordResetMail } from "../../mail/account-messages.js";
import { lockTarget } from "./lifecycle.js";
import { appUrlOr, hashToken, newToken } from "../team/tokens.js";

/** The same answer whether or not an account has the address, so the form tells nobody who has one. */
const RESET_SENT = {
  message:
    "If an account uses that address, we have emailed it a link to reset the password. The link works for 1 hour.",
};

/** Queue a reset link for an account (inside the caller's transaction). */
async function queueReset(trx: Kysely<DB>, account: { userId: string; email: string }, appUrl?: string) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + PASSWORD_RESET_HOURS * 3_600_000);
  await insertPasswordReset(trx, { tokenHash: hashToken(token), userId: account.userId, expiresAt });
  await enqueueMail(
    trx,
    passwordResetMail({
      email: account.email,
      link: `${appUrlOr(appUrl)}/reset-password/${token}`,
      expiresAt,
    }),
  );
}

/** Anyone: email a one-time reset link to an enabled account with this address, if there is one. */
export async function requestPasswordReset(db: Kysely<DB>, input: { email: string }, appUrl?: string) {
  await db.transaction().execute(async (trx) => {
    const account = await accountByEmail(trx, input.email);
    if (!account || account.disabledAt) return;
    await queueReset(trx, account, appUrl);
    await writeAudit(trx, null, {
      action: "account.passwordResetRequested",
      entity: "user",
      entityKey: account.userId,
      odsCode: account.odsCode,
    });
  });
  return RESET_SENT;
}

/** A national admin sends an account holder a reset link (they never see or set the password). */
export async function sendPasswordReset(
  db: Kysely<DB>,
  input: { userId: string },
  actor: Principal,
  appUrl?: string,
) {
  return db.transaction().execute(async (trx) => {
    const account = await lockTarget(trx, { userId: input.userId });
    if (account.disabledAt)
      throw AppError.state("This account is disabled; enable it before resetting its password");
    await queueReset(trx, account, appUrl);
    await writeAudit(trx, actor, {
      action: "account.passwordResetSent",
      entity: "user",
      entityKey: account.userId,
      odsCode: account.odsCode,
    });
    return { userId: account.userId, email: account.email };
  });
}

/** Set a new password from a reset link: the link is used up, and every session of the account ends. */
export async function resetPassword(db: Kysely<DB>, input: AccountResetPassword, tools: PasswordTools) {
  return db.transaction().execute(async (trx) => {
    const link = await lockPasswordReset(trx, hashToken(input.token));
    const problem = linkProblem(link, new Date(), "password reset");
    if (problem || !link) throw AppError.field("token", problem ?? "This link is not valid");
    const account = await lockTarget(trx, { userId: link.userId });
    if (account.disabledAt) throw AppError.field("token", "This account has been disabled");
    const weak = passwordProblem(input.password, [account.email, account.name]);
    if (weak) throw AppError.field("password", weak);
    await setPasswordHash(trx, account.userId, await tools.hash(input.password));
    await usePasswordResets(trx, account.userId);
    const sessionsEnded = await deleteSessions(trx, account.userId);
    await writeAudit(
      trx,
      { userId: account.userId, email: account.email },
      {
        action: "account.passwordReset",
        entity: "user",
        entityKey: account.userId,
        odsCode: account.odsCode,
        after: { sessionsEnded },
      },
    );
    return { email: account.email };
  });
}

/** Change one's own password: the current one is checked, and every other session of the account ends. */
export async function changePassword(
  db: Kysely<DB>,
  input: AccountChangePassword,
  actor: Principal,
  tools: PasswordTools,
  keepSessionToken: string | undefined,
) {
  return db.transaction().execute(async (trx) => {
    const hash = await lockPasswordHash(trx, actor.userId);
    if (!hash || !(await tools.verify(hash, input.currentPassword)))
      throw AppError.field("currentPassword", "Your current password is not right");
    if (input.newPassword === input.currentPassword)
      throw AppError.field("newPassword", "Choose a password different from your current one");
    const weak = passwordProblem(input.newPassword, [actor.email, actor.name]);
    if (weak) throw AppError.field("newPassword", weak);
    await setPasswordHash(trx, actor.userId, await tools.hash(input.newPassword));
    const sessionsEnded = await deleteSessions(trx, actor.userId, keepSessionToken);
    await writeAudit(trx, actor, {
      action: "account.passwordChange",
      entity: "user",
      entityKey: actor.userId,
      odsCode: actor.odsCode,
      after: { otherSessionsEnded: sessionsEnded },
    });
    return { otherSessionsEnded: sessionsEnded };
  });
}
