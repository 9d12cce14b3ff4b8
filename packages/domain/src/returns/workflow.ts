import { z } from "zod";
import type { ValidationState } from "../adoption/schema.js";
import { AppError } from "../errors/app-error.js";

/**
 * A return's life: submitted by the trust's approver → accepted, or returned with a comment (editable
 * again) → resubmitted; the national team may also unlock an accepted or submitted return.
 */
export const RETURN_STATUSES = ["submitted", "accepted", "returned", "unlocked", "withdrawn"] as const;
export const ReturnStatusSchema = z.enum(RETURN_STATUSES, {
  error: "Return status must be one of submitted, accepted, returned, unlocked, withdrawn",
});
/** Where a return is in its life. */
export type ReturnStatus = z.infer<typeof ReturnStatusSchema>;

/** What the national team can decide about a return. */
export type ReturnDecision = "accept" | "sendBack" | "unlock" | "withdraw";

/** Each decision: the states it may be taken from, and the state it leads to. */
export const RETURN_TRANSITIONS: Readonly<
  Record<ReturnDecision, { from: readonly ReturnStatus[]; to: ReturnStatus }>
> = {
  accept: { from: ["submitted"], to: "accepted" },
  sendBack: { from: ["submitted"], to: "returned" },
  unlock: { from: ["accepted", "submitted"], to: "unlocked" },
  // The trust's approver takes back a submission the national team has not yet reviewed.
  withdraw: { from: ["submitted"], to: "withdrawn" },
};

/**
 * The state a decision moves a return to; PRECONDITION_FAILED when the return is not in a state the
 * decision may be taken from.
 *
 * Why: a reviewer must not accept a return twice, or send back one already accepted, however the
 * request reached the server.
 */
export function returnTransition(status: string, decision: ReturnDecision): ReturnStatus {
  const rule = RETURN_TRANSITIONS[decision];
  if (!(rule.from as readonly string[]).includes(status)) {
    throw AppError.state(`A return that is ${status} cannot be ${rule.to}`);
  }
  return rule.to;
}

/**
 * Refuses a submission while the period's return awaits validation or has been accepted; a returned or
 * unlocked return (or none yet) may be submitted.
 *
 * Why: the national team reviews the copy that was submitted, so it must not change under them.
 */
export function assertSubmittable(period: string, existingStatus: string | undefined): void {
  if (existingStatus === "submitted" || existingStatus === "accepted") {
    throw AppError.state(`The return for ${period} is already ${existingStatus}`);
  }
}

/** How a decision marks the trust's live records: the state they take, and the states left as they are. */
export interface RecordsOnDecision {
  validationState: ValidationState;
  /** Records already in one of these states keep it. */
  keep: readonly ValidationState[];
}

/**
 * What a decision does to the trust's records: an accepted return validates them all; a returned one
 * marks those not yet validated as returned, so staff see what to look at; an unlock leaves them alone.
 */
export function recordsOnDecision(to: ReturnStatus): RecordsOnDecision | null {
  if (to === "accepted") return { validationState: "validated", keep: [] };
  if (to === "returned") return { validationState: "returned", keep: ["validated"] };
  return null;
}

/**
 * The state an accepted return gives a record it holds: validated, except that a system-reported record
 * stays system-reported, so official figures can still tell the trust's own system's counts from
 * self-assessed ones (the acceptance is recorded on the return itself).
 */
export function stateOnAcceptance(current: string): ValidationState {
  return current === "system_reported" ? "system_reported" : "validated";
}

/**
 * Refuses a decision taken on a version of the return that is no longer the stored one. Without an
 * expected version the decision applies to whatever is stored.
 *
 * Why: two reviewers deciding on the same return at once must not overwrite each other's decision.
 */
export function assertReturnVersion(stored: { version: number }, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && stored.version !== expectedVersion) {
    throw AppError.conflict(
      `This return changed since you opened it (now version ${stored.version})`,
      stored,
    );
  }
}
