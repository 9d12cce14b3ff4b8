import type { FieldIssue } from "../errors/app-error.js";
import { periodOf, periodRange, previousPeriod } from "../periods/periods.js";

/** Whether a period is still to come on a day (ISO date): such a period cannot have an actual yet. */
export function periodNotStarted(period: string, today: string): boolean {
  return periodRange(period).start > today;
}

/** Problems with an actual for a period, recorded on a day (ISO date). Paths are relative to the actual. */
export function actualIssues(actual: { period: string }, today: string): FieldIssue[] {
  return periodNotStarted(actual.period, today)
    ? [{ path: ["period"], message: `${actual.period} has not started yet` }]
    : [];
}

/**
 * The period whose actuals are due on a day: the quarter just ended.
 *
 * Why: actuals are reported quarterly, after the quarter closes, so the current quarter is never due.
 */
export function actualsDuePeriod(today: Date | string): string {
  return previousPeriod(periodOf(today, "quarter"));
}
