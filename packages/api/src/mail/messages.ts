import type { OutgoingMail } from "@realise/db";

/** "1 December 2026", as the NHS style guide writes dates. */
export function longDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

interface ReturnContext {
  trustName: string;
  odsCode: string;
  period: string;
  /** The trust app's address, e.g. https://realise.example/ */
  appUrl: string;
}

const signOff = "\n\nRealise, for the national EPR adoption team\n";
const link = (c: ReturnContext) => `${c.appUrl.replace(/\/$/, "")}/trusts/${c.odsCode}/dashboard`;

/** To the trust's approvers and editors: what the national team asks them to change. */
export function returnSentBackMail(
  c: ReturnContext & { comment: string; recipients: string[] },
): OutgoingMail {
  return {
    kind: "return.sentBack",
    recipients: c.recipients,
    subject: `Your ${c.period} return has been sent back: ${c.trustName}`,
    body:
      `The national team has sent back ${c.trustName}'s EPR adoption return for ${c.period}.\n\n` +
      `What they ask you to change:\n\n${c.comment}\n\n` +
      `Your records are open for editing again. When you have made the changes, your approver can submit the return again:\n${link(c)}` +
      signOff,
  };
}

/** To the trust's approvers: the return is accepted and its figures will count as official. */
export function returnAcceptedMail(
  c: ReturnContext & { comment: string | null; recipients: string[] },
): OutgoingMail {
  return {
    kind: "return.accepted",
    recipients: c.recipients,
    subject: `Your ${c.period} return has been accepted: ${c.trustName}`,
    body:
      `The national team has accepted ${c.trustName}'s EPR adoption return for ${c.period}. ` +
      `Its figures will be part of the official figures for ${c.period} when they are published.` +
      (c.comment ? `\n\nTheir comment:\n\n${c.comment}` : "") +
      `\n\n${link(c)}` +
      signOff,
  };
}

/** To approvers who have not submitted: the return is due soon, or overdue. */
export function returnReminderMail(
  c: ReturnContext & { dueOn: string; overdue: boolean; recipients: string[] },
): OutgoingMail {
  return {
    kind: c.overdue ? "return.overdue" : "return.dueSoon",
    recipients: c.recipients,
    subject: c.overdue
      ? `Your ${c.period} return is overdue: ${c.trustName}`
      : `Your ${c.period} return is due on ${longDate(c.dueOn)}: ${c.trustName}`,
    body:
      (c.overdue
        ? `${c.trustName}'s EPR adoption return for ${c.period} was due on ${longDate(c.dueOn)} and has not been submitted.`
        : `${c.trustName}'s EPR adoption return for ${c.period} is due on ${longDate(c.dueOn)}.`) +
      `\n\nCheck the submission checklist and submit the return:\n${link(c)}` +
      signOff,
  };
}
