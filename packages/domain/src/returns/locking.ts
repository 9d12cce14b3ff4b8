import { AppError } from "../errors/app-error.js";
import { periodOf } from "../periods/periods.js";
import type { ReturnStatus } from "./workflow.js";

/** A return as far as locking is concerned. */
export interface LockingReturn {
  period: string;
  status: string;
}

/** The only states in which a return can lock records (see `locksRecords`). */
export const LOCKING_STATUSES: readonly ReturnStatus[] = ["submitted", "accepted"];

/**
 * Whether a return locks its trust's live records today: while it awaits validation (any period), and
 * once accepted for the quarter still running.
 *
 * Why: the national team reviews the submitted copy, and an accepted quarter stays as accepted until it
 * ends; after that the trust carries on editing towards the next return.
 */
export function locksRecords(ret: LockingReturn, today: Date = new Date()): boolean {
  if (ret.status === "submitted") return true;
  return ret.status === "accepted" && ret.period === periodOf(today, "quarter");
}

/** The first of a trust's returns that locks its records today, if any. */
export function lockingReturnOf<R extends LockingReturn>(
  returns: readonly R[],
  today: Date = new Date(),
): R | undefined {
  return returns.find((r) => locksRecords(r, today));
}

/**
 * Refuses a change to a trust's records while a return locks them.
 * `detail` is what the refusal adds after "records are locked", e.g. how they become editable again.
 */
export function assertRecordsEditable(locked: LockingReturn | undefined, detail = ""): void {
  if (locked) {
    throw AppError.state(`The return for ${locked.period} is ${locked.status}; records are locked${detail}`);
  }
}

/** The wording an edit refusal uses: how the trust gets its records back. */
export const UNTIL_RETURNED = " until the national team returns or unlocks it";

/**
 * What a refusal says after "records are locked": how the trust gets its records back, in the words of
 * the people who can do it. A submission awaiting review can be withdrawn by the approver; an accepted
 * return only the national team unlocks.
 */
export function lockedDetail(locked: LockingReturn): string {
  return locked.status === "accepted"
    ? " until the national team unlocks it. Ask the national team to unlock the return if a value must change."
    : `${UNTIL_RETURNED}. Your approver can withdraw the submission before it is reviewed.`;
}
