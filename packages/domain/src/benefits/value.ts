import { type BenefitProgress, benefitProgress } from "./progress.js";
import type { BenefitLine } from "./schema.js";

type ValuedLine = Pick<
  BenefitLine,
  | "direction"
  | "baseline"
  | "target"
  | "trajectory"
  | "actuals"
  | "fullYearValueGbp"
  | "attributionPct"
  | "isDisbenefit"
>;

/**
 * What a line is expected to be worth in a full year, in pounds: its full-year value at its attribution,
 * negative for a dis-benefit. A line with no full-year value is worth nothing in the totals.
 */
export function expectedValueGbp(
  line: Pick<BenefitLine, "fullYearValueGbp" | "attributionPct" | "isDisbenefit">,
): number {
  return (line.fullYearValueGbp ?? 0) * (line.attributionPct / 100) * (line.isDisbenefit ? -1 : 1);
}

/** A line with how it is doing and what it is expected to be worth. */
export function withProgress<L extends ValuedLine>(
  line: L,
): L & { progress: BenefitProgress; expectedValueGbp: number } {
  return { ...line, progress: benefitProgress(line), expectedValueGbp: expectedValueGbp(line) };
}
