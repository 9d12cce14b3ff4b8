import { AppError } from "../errors/app-error.js";
import { periodRange } from "../periods/periods.js";

const isoToday = () => new Date().toISOString().slice(0, 10);

/**
 * The date a snapshot reads ICB membership at: the period's last day, or today for a period still running.
 *
 * Why: ICBs merge; a frozen period must count each trust in the ICB it belonged to in that period.
 */
export function membershipDate(period: string, today: string = isoToday()): string {
  const end = periodRange(period).end;
  return end < today ? end : today;
}

/**
 * Refuses to freeze a period whose snapshot is already published; a preview (or no snapshot) may be
 * frozen, replacing the preview.
 *
 * Why: official figures, once published, never move.
 */
export function assertFreezable(period: string, existingStatus: string | undefined): void {
  if (existingStatus === "published") {
    throw AppError.state(`The snapshot for ${period} is already published and cannot be frozen again`);
  }
}

/**
 * Whether a group's breakdown is withheld: a group of fewer than `suppressBelow` trusts shows only how
 * many trusts it has.
 *
 * Why: small numbers in open data can identify a trust.
 */
export function isSuppressed(trusts: number, suppressBelow: number): boolean {
  return trusts < suppressBelow;
}
