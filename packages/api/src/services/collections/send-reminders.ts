import { type DB, enqueueMail, listCollections, trustStaffEmails, trustsWithReturnStatus } from "@realise/db";
import { collectionPhase, daysUntilDue } from "@realise/domain";
import type { Kysely } from "kysely";
import { returnReminderMail } from "../../mail/messages.js";
import { today } from "../clock.js";

/** Days before the due date that the "due soon" reminder goes out. */
export const REMINDER_DAYS_BEFORE = 7;

/**
 * Queue the reminders due today: "due in 7 days" once the due date is a week away or less, and "overdue"
 * once it has passed, to the approvers of every trust that has not submitted. Each is queued once per
 * trust, period and kind (the outbox's dedupe key), so the scheduler can call this as often as it likes.
 * Returns how many messages were queued.
 */
export async function queueReturnReminders(db: Kysely<DB>, appUrl: string): Promise<number> {
  const day = today();
  let queued = 0;
  for (const collection of await listCollections(db)) {
    if (collectionPhase(collection, day) === "upcoming") continue;
    const days = daysUntilDue(collection.dueOn, day);
    const overdue = days < 0;
    if (!overdue && days > REMINDER_DAYS_BEFORE) continue;
    for (const trust of await trustsWithReturnStatus(db, collection.period)) {
      if (trust.returnStatus === "submitted" || trust.returnStatus === "accepted") continue;
      const recipients = await trustStaffEmails(db, trust.odsCode, ["trust_approver"]);
      const mail = returnReminderMail({
        trustName: trust.name,
        odsCode: trust.odsCode,
        period: collection.period,
        appUrl,
        dueOn: collection.dueOn,
        overdue,
        recipients,
      });
      if (await enqueueMail(db, { ...mail, dedupeKey: `${mail.kind}/${collection.period}/${trust.odsCode}` }))
        queued += 1;
    }
  }
  return queued;
}
