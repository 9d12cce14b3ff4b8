import type { OutgoingMail } from "@realise/db";
import { ROLE_LABELS, type Role } from "@realise/domain";

const signOff = "\n\nRealise, for the national EPR adoption team\n";
const when = (d: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  }).format(d);

/** To the invitee: who invited them, to which trust and role, and the one-time link. */
export function invitationMail(c: {
  email: string;
  trustName: string;
  role: Role;
  invitedBy: string;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  return {
    kind: "team.invitation",
    recipients: [c.email],
    subject: `You have been invited to ${c.trustName}'s EPR adoption team on Realise`,
    body:
      `${c.invitedBy} has invited you to join ${c.trustName}'s team on Realise as ${ROLE_LABELS[c.role].toLowerCase()}.\n\n` +
      `Open this link to set your password and create your account:\n${c.link}\n\n` +
      `The link works once and until ${when(c.expiresAt)}. If you did not expect this email, you can ignore it.` +
      signOff,
  };
}

/** To the account holder: the one-time reset link. */
export function passwordResetMail(c: { email: string; link: string; expiresAt: Date }): OutgoingMail {
  return {
    kind: "account.passwordReset",
    recipients: [c.email],
    subject: "Reset your Realise password",
    body:
      `Someone asked to reset the password of your Realise account (${c.email}).\n\n` +
      `Open this link to choose a new password:\n${c.link}\n\n` +
      `The link works once and until ${when(c.expiresAt)}. If you did not ask, ignore this email: your password has not changed.` +
      signOff,
  };
}

/** To the assignee: what they have been given, by whom, and where to find it. */
export function assignmentMail(c: {
  email: string;
  trustName: string;
  what: string;
  assignedBy: string;
  link: string;
}): OutgoingMail {
  return {
    kind: "assignment.assigned",
    recipients: [c.email],
    subject: `Assigned to you: ${c.what} (${c.trustName})`,
    body:
      `${c.assignedBy} has assigned ${c.what} to you in ${c.trustName}'s EPR adoption records.\n\n` +
      `See everything assigned to you:\n${c.link}` +
      signOff,
  };
}
