import {
  currentSubmission,
  type DB,
  enqueueMail,
  findReturn,
  lockReturn,
  returnTrust,
  returnWithPayload,
  saveReturnDecision,
  setValidationState,
  trustStaffEmails,
  validateRecordsAtVersions,
  writeAudit,
} from "@realise/db";
import {
  AppError,
  assertReturnVersion,
  type Principal,
  type ReturnDecision,
  recordsOnDecision,
  returnTransition,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { ReturnsDecisionInput } from "../../contracts/returns.js";
import { returnAcceptedMail, returnSentBackMail } from "../../mail/messages.js";

/** Where links in emails point when the caller does not say: the configured public address. */
const defaultAppUrl = () => process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

/**
 * A decision on a return — the national team's accept, send back or unlock, or the approver's withdraw —
 * with its comment, its audit row, the validation state it gives the records, and the emails it causes,
 * all in one transaction. Accepting validates the submitted copy: only live records still at the version
 * the copy holds are marked validated, never a change the reviewer did not see.
 */
export async function decideReturn(
  db: Kysely<DB>,
  input: ReturnsDecisionInput & { decision: ReturnDecision },
  actor: Principal,
  appUrl: string = defaultAppUrl(),
) {
  const { odsCode, period } = input;
  // An empty comment is no comment.
  const comment = "comment" in input && input.comment ? input.comment : null;
  return db.transaction().execute(async (trx) => {
    const existing = await lockReturn(trx, odsCode, period);
    if (!existing) throw AppError.notFound(`Trust ${odsCode} has no return for ${period}`);
    assertReturnVersion(existing, input.expectedVersion);
    const to = returnTransition(existing.status, input.decision);
    await saveReturnDecision(
      trx,
      { odsCode, period },
      { status: to, decidedBy: actor.email, comment, version: existing.version + 1 },
    );
    const submission = await currentSubmission(trx, odsCode, period);
    let validated: number | undefined;
    if (to === "accepted") {
      validated = await validateRecordsAtVersions(
        trx,
        odsCode,
        await submittedVersions(trx, odsCode, period, submission?.content),
      );
    } else {
      const records = recordsOnDecision(to);
      if (records) await setValidationState(trx, odsCode, records.validationState, records.keep);
    }
    await writeAudit(trx, actor, {
      action: `return.${input.decision}`,
      entity: "trust_return",
      entityKey: `${odsCode}/${period}`,
      odsCode,
      before: { status: existing.status },
      after: {
        status: to,
        comment,
        submission: submission?.seq ?? null,
        digest: submission?.digest ?? null,
        validated,
      },
    });
    await queueDecisionMail(trx, { odsCode, period, to, comment, appUrl });
    const stored = await findReturn(trx, odsCode, period);
    if (!stored) throw new Error(`The return for ${odsCode} ${period} was not stored`);
    return stored;
  });
}

/** The record versions a return's submitted copy holds (from its stored submission, or its payload). */
async function submittedVersions(trx: Kysely<DB>, odsCode: string, period: string, content: unknown) {
  const source = content ?? (await returnWithPayload(trx, odsCode, period))?.payload;
  const parsed = typeof source === "string" ? JSON.parse(source) : source;
  const records =
    (parsed as { records?: Array<{ functionalityCode: string; version: number }> })?.records ?? [];
  return records.map((r) => ({ functionalityCode: r.functionalityCode, version: r.version }));
}

/** Sent back: the approvers and editors, with the comment. Accepted: the approvers. Others: nobody. */
async function queueDecisionMail(
  trx: Kysely<DB>,
  d: { odsCode: string; period: string; to: string; comment: string | null; appUrl: string },
) {
  if (d.to !== "returned" && d.to !== "accepted") return;
  const trust = await returnTrust(trx, d.odsCode);
  const context = { trustName: trust.name, odsCode: d.odsCode, period: d.period, appUrl: d.appUrl };
  if (d.to === "returned") {
    const recipients = await trustStaffEmails(trx, d.odsCode, ["trust_approver", "trust_editor"]);
    await enqueueMail(trx, returnSentBackMail({ ...context, comment: d.comment ?? "", recipients }));
  } else {
    const recipients = await trustStaffEmails(trx, d.odsCode, ["trust_approver"]);
    await enqueueMail(trx, returnAcceptedMail({ ...context, comment: d.comment, recipients }));
  }
}
