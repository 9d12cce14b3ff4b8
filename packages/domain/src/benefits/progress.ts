import { periodRange } from "../periods/periods.js";
import type { BenefitLine } from "./schema.js";

/** How a register line is doing. */
export interface BenefitProgress {
  /** Share of the baseline-to-target change achieved; can exceed 1 or be negative. */
  progress: number | null;
  latestActual: number | null;
  /** Period of the latest actual. */
  latestPeriod: string | null;
  /** Full-year value × attribution × progress clamped to 0..1. */
  realisedValueGbp: number;
  /** Latest actual against the trajectory at that date; positive means better than planned. */
  trajectoryVariance: number | null;
  onTrack: boolean | null;
}

type ProgressLine = Pick<
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

/** The latest actual by period end, then by recording time. */
export function latestActual(line: Pick<BenefitLine, "actuals">): { period: string; value: number } | null {
  let best: { period: string; value: number; end: string; at: string } | null = null;
  for (const a of line.actuals) {
    const end = periodRange(a.period).end;
    const at = a.recordedAt ?? "";
    if (!best || end > best.end || (end === best.end && at >= best.at))
      best = { period: a.period, value: a.value, end, at };
  }
  return best ? { period: best.period, value: best.value } : null;
}

/**
 * The planned value at a date: straight lines between baseline, trajectory points and target, flat beyond.
 *
 * Why: trajectories are sparse (one point a year) but actuals come quarterly.
 */
export function plannedValueAt(
  line: Pick<BenefitLine, "baseline" | "target" | "trajectory">,
  date: string,
): number {
  const points = new Map<string, number>();
  points.set(line.baseline.date, line.baseline.value);
  points.set(line.target.date, line.target.value);
  for (const p of line.trajectory) points.set(p.date, p.value);
  const sorted = [...points.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (date <= first[0]) return first[1];
  if (date >= last[0]) return last[1];
  const t = Date.parse(`${date}T00:00:00Z`);
  for (let i = 1; i < sorted.length; i++) {
    const [d1, v1] = sorted[i]!;
    if (date <= d1) {
      const [d0, v0] = sorted[i - 1]!;
      const t0 = Date.parse(`${d0}T00:00:00Z`);
      const t1 = Date.parse(`${d1}T00:00:00Z`);
      return t1 === t0 ? v1 : v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
    }
  }
  return last[1];
}

/**
 * Progress of a register line from baseline towards target, its realised value and whether it is on track.
 *
 * Why: (latest − baseline) / (target − baseline) is direction-aware by construction, since the schema keeps
 * the target on the side of the baseline the direction names. For a dis-benefit the line tracks the harm,
 * so being below the planned harm counts as ahead.
 */
export function benefitProgress(line: ProgressLine): BenefitProgress {
  const latest = latestActual(line);
  const span = line.target.value - line.baseline.value;
  const progress = latest === null || span === 0 ? null : (latest.value - line.baseline.value) / span;
  const clamped = progress === null ? 0 : Math.max(0, Math.min(1, progress));
  const realisedValueGbp = (line.fullYearValueGbp ?? 0) * (line.attributionPct / 100) * clamped;
  let trajectoryVariance: number | null = null;
  if (latest !== null) {
    const planned = plannedValueAt(line, periodRange(latest.period).end);
    const towardsTarget = line.direction === "increase" ? 1 : -1;
    const sign = line.isDisbenefit ? -towardsTarget : towardsTarget;
    trajectoryVariance = sign * (latest.value - planned);
  }
  return {
    progress,
    latestActual: latest?.value ?? null,
    latestPeriod: latest?.period ?? null,
    realisedValueGbp,
    trajectoryVariance,
    onTrack: trajectoryVariance === null ? null : trajectoryVariance >= -1e-9,
  };
}
