import {
  type DB,
  emailInUse,
  insertAccount,
  lockInvitationByToken,
  markInvitationAccepted,
  writeAudit,
} from "@realise/db";
import { AppError, linkProblem } from "@realise/domain";
import type { Kysely } from "kysely";
import type { AccountCredentials } from "../../auth/accounts.js";
import { passwordProblem } from "../../auth/password-policy.js";
import type { TeamAccept } from "../../contracts/team.js";
import { hashToken } from "./tokens.js";

/** The name an invitee is shown by when they give none: the address's local part, as words. */
const nameFromEmail = (email: string) =>
  (email.split("@")[0] ?? email)
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");

/**
 * Accept an invitation from its emailed link: the account is created with the invitee's password, bound to
 * the invitation's trust and role, and the link is used up, in one transaction. Nobody is signed in here:
 * the invitee signs in with the new password.
 */
export async function acceptInvitation(db: Kysely<DB>, input: TeamAccept, credentials: AccountCredentials) {
  return db.transaction().execute(async (trx) => {
    const invitation = await lockInvitationByToken(trx, hashToken(input.token));
    const problem = linkProblem(
      invitation && { expiresAt: invitation.expiresAt, usedAt: invitation.acceptedAt },
      new Date(),
      "invitation",
    );
    if (problem || !invitation) throw AppError.field("token", problem ?? "This link is not valid");
    if (await emailInUse(trx, invitation.email))
      throw AppError.field("token", `An account already uses ${invitation.email}; sign in instead`);
    const name = input.name ?? nameFromEmail(invitation.email);
    const weak = passwordProblem(input.password, [invitation.email, name]);
    if (weak) throw AppError.field("password", weak);
    const userId = credentials.newId("user");
    await insertAccount(trx, {
      userId,
      credentialId: credentials.newId("account"),
      email: invitation.email,
      name,
      passwordHash: await credentials.hashPassword(input.password),
      role: invitation.role,
      odsCode: invitation.odsCode,
    });
    await markInvitationAccepted(trx, invitation.id, userId);
    await writeAudit(
      trx,
      { userId, email: invitation.email },
      {
        action: "team.accept",
        entity: "invitation",
        entityKey: invitation.id,
        odsCode: invitation.odsCode,
        after: { userId, email: invitation.email, name, role: invitation.role },
      },
    );
    return { email: invitation.email, odsCode: invitation.odsCode, role: invitation.role };
  });
}
