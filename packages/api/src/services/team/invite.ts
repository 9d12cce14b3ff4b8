import {
  type DB,
  emailInUse,
  organisationExists,
  enqueueMail,
  insertInvitation,
  lockInvitation,
  lockOpenInvitationFor,
  renewInvitation,
  returnTrust,
  writeAudit,
} from "@realise/db";
import { AppError, INVITATION_DAYS, type Principal, type Role } from "@realise/domain";
import type { Kysely } from "kysely";
import type { TeamInvite } from "../../contracts/team.js";
import { invitationMail } from "../../mail/account-messages.js";
import { appUrlOr, hashToken, newToken } from "./tokens.js";

const expiry = () => new Date(Date.now() + INVITATION_DAYS * 86_400_000);

async function queueInvitation(
  trx: Kysely<DB>,
  c: {
    email: string;
    odsCode: string;
    role: Role;
    token: string;
    expiresAt: Date;
    actor: Principal;
    appUrl?: string;
  },
) {
  const trust = await returnTrust(trx, c.odsCode);
  await enqueueMail(
    trx,
    invitationMail({
      email: c.email,
      trustName: trust.name,
      role: c.role,
      invitedBy: c.actor.name || c.actor.email,
      link: `${appUrlOr(c.appUrl)}/invitations/${c.token}`,
      expiresAt: c.expiresAt,
    }),
  );
}

/**
 * Invite a colleague to the trust by email with a role: a one-time link valid for 7 days, its token stored
 * hashed. Refused, with nothing written, when an account already uses the address or an invitation to it
 * is open (resend that one instead).
 */
export async function inviteToTeam(db: Kysely<DB>, input: TeamInvite, actor: Principal, appUrl?: string) {
  const email = input.email.toLowerCase();
  return db.transaction().execute(async (trx) => {
    if (!(await organisationExists(trx, input.odsCode)))
      throw AppError.notFound(`No trust has the ODS code ${input.odsCode}`);
    if (await emailInUse(trx, email))
      throw AppError.field("email", `An account already uses ${email}; it cannot be invited again`);
    const open = await lockOpenInvitationFor(trx, email);
    if (open)
      throw AppError.field(
        "email",
        open.odsCode === input.odsCode
          ? `${email} has already been invited; send the invitation again instead`
          : `${email} has already been invited to another trust`,
      );
    const token = newToken();
    const id = crypto.randomUUID();
    const expiresAt = expiry();
    await insertInvitation(trx, {
      id,
      tokenHash: hashToken(token),
      email,
      odsCode: input.odsCode,
      role: input.role,
      invitedBy: actor.email,
      expiresAt,
    });
    await queueInvitation(trx, {
      email,
      odsCode: input.odsCode,
      role: input.role,
      token,
      expiresAt,
      actor,
      appUrl,
    });
    await writeAudit(trx, actor, {
      action: "team.invite",
      entity: "invitation",
      entityKey: id,
      odsCode: input.odsCode,
      after: { email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return { invitationId: id, email, role: input.role, expiresAt };
  });
}

/** Send an open invitation again with a new link and 7 more days; the earlier link stops working. */
export async function resendInvitation(
  db: Kysely<DB>,
  input: { odsCode: string; invitationId: string },
  actor: Principal,
  appUrl?: string,
) {
  return db.transaction().execute(async (trx) => {
    const invitation = await lockInvitation(trx, input.invitationId);
    if (!invitation || invitation.odsCode !== input.odsCode)
      throw AppError.notFound(`Trust ${input.odsCode} has no such invitation`);
    if (invitation.acceptedAt)
      throw AppError.state(`${invitation.email} has already accepted the invitation`);
    const token = newToken();
    const expiresAt = expiry();
    await renewInvitation(trx, invitation.id, hashToken(token), expiresAt);
    await queueInvitation(trx, { ...invitation, token, expiresAt, actor, appUrl });
    await writeAudit(trx, actor, {
      action: "team.resend",
      entity: "invitation",
      entityKey: invitation.id,
      odsCode: invitation.odsCode,
      before: { expiresAt: invitation.expiresAt.toISOString() },
      after: { expiresAt: expiresAt.toISOString() },
    });
    return { invitationId: invitation.id, email: invitation.email, expiresAt };
  });
}
