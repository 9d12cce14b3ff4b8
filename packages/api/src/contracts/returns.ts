// Inputs of the returns procedures: zod only, importable by the browser (no server code).
import { OdsCodeSchema, PeriodSchema, RETURN_STATUSES } from "@realise/domain";
import { z } from "zod";

const ReturnKey = { odsCode: OdsCodeSchema, period: PeriodSchema };
const Comment = z.string().trim().max(4000, { message: "Comment must be at most 4000 characters" });
const ExpectedVersion = z.number().int().min(1).max(1_000_000_000).optional();

export const ReturnsForOrganisationInput = z.object({ odsCode: OdsCodeSchema }).strict();

export const ReturnsSubmitInput = z.object(ReturnKey).strict();
export type ReturnsSubmitInput = z.infer<typeof ReturnsSubmitInput>;

/** Which returns the queue lists: a period's, in a state (submitted when not given). */
export const ReturnsQueueInput = z
  .object({ period: PeriodSchema.optional(), status: z.enum(RETURN_STATUSES).optional() })
  .strict();

export type ReturnsQueueInput = z.infer<typeof ReturnsQueueInput>;

export const ReturnsCompareInput = z.object(ReturnKey).strict();
export const ReturnsDetailInput = z.object(ReturnKey).strict();

/** A decision with an optional comment; the version guards against two reviewers at once. */
export const ReturnsAcceptInput = z
  .object({ ...ReturnKey, comment: Comment.optional(), expectedVersion: ExpectedVersion })
  .strict();

/** Sending a return back needs a comment: the trust must know what to change. */
export const ReturnsSendBackInput = z
  .object({
    ...ReturnKey,
    comment: Comment.min(1, { message: "Comment is required: tell the trust what to change" }),
    expectedVersion: ExpectedVersion,
  })
  .strict();

/** Unlocking needs a comment too: it reopens figures that were submitted or accepted, and says why. */
export const ReturnsUnlockInput = z
  .object({
    ...ReturnKey,
    comment: Comment.min(1, { message: "Comment is required: say why the return is being unlocked" }),
    expectedVersion: ExpectedVersion,
  })
  .strict();

/** The approver withdraws a submission before the national team reviews it. */
export const ReturnsWithdrawInput = z.object({ ...ReturnKey, expectedVersion: ExpectedVersion }).strict();

/** What the approver should look at before submitting. */
export const ReturnsChecklistInput = z.object(ReturnKey).strict();
export type ReturnsChecklistInput = z.infer<typeof ReturnsChecklistInput>;

export type ReturnsDecisionInput =
  | z.infer<typeof ReturnsAcceptInput>
  | z.infer<typeof ReturnsSendBackInput>
  | z.infer<typeof ReturnsWithdrawInput>;
