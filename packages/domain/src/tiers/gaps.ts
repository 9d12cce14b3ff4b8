import { formatPct, usagePct } from "../adoption/usage.js";
import type { AdoptionLevel } from "../adoption/schema.js";
import type { Functionality, TierCriterion } from "../framework/schema.js";
import type { AssessableRecord, Gap, MeasureGap } from "./schema.js";

const LEVEL_KEYS = { 3: "l3", 4: "l4", 5: "l5" } as const;

/**
 * The measures that keep a functionality below a required level.
 *
 * Why: "you are at L2" does not tell a trust what to do; "coverage 62% → 90%" does.
 */
export function measureGaps(
  functionality: Functionality,
  record: AssessableRecord | undefined,
  requiredLevel: number,
): MeasureGap[] {
  const coverage = record?.coveragePct ?? null;
  const usage = record ? usagePct(record.usageNumerator, record.usageDenominator) : null;
  const gaps: MeasureGap[] = [];
  if (requiredLevel <= 0) return gaps;
  if (requiredLevel === 1) {
    if ((coverage ?? 0) <= 0 && !record?.plannedGoLive)
      gaps.push({ measure: "go_live_planned", current: false, required: true });
    return gaps;
  }
  if (requiredLevel === 2) {
    if ((coverage ?? 0) <= 0) gaps.push({ measure: "coverage", current: coverage, required: 1 });
    return gaps;
  }
  // Thresholds of every level up to the required one apply, so an unvalidated framework cannot skip one.
  let needCoverage = 0;
  let needUsage = 0;
  for (let l = 3; l <= Math.min(requiredLevel, 5); l++) {
    const t = functionality.thresholds[LEVEL_KEYS[l as 3 | 4 | 5]];
    needCoverage = Math.max(needCoverage, t.coveragePct);
    needUsage = Math.max(needUsage, t.usagePct);
  }
  // Any level from L2 up also needs the functionality live (coverage above 0), even with a 0% threshold.
  if ((coverage ?? 0) < needCoverage || (coverage ?? 0) <= 0) {
    gaps.push({ measure: "coverage", current: coverage, required: Math.max(needCoverage, 1) });
  }
  if ((usage ?? 0) < needUsage) gaps.push({ measure: "usage", current: usage, required: needUsage });
  if (requiredLevel >= 4 && !record?.paperRetired)
    gaps.push({ measure: "paper_retired", current: record?.paperRetired ?? false, required: true });
  if (requiredLevel >= 5 && !record?.benefitMeasured)
    gaps.push({ measure: "benefit_measured", current: record?.benefitMeasured ?? false, required: true });
  return gaps;
}

function describe(gap: MeasureGap): string {
  switch (gap.measure) {
    case "coverage":
      return `coverage ${formatPct(gap.current as number | null)} → ${formatPct(gap.required as number)}`;
    case "usage":
      return `usage ${formatPct(gap.current as number | null)} → ${formatPct(gap.required as number)}`;
    case "paper_retired":
      return "retire the paper process";
    case "benefit_measured":
      return "measure a linked benefit";
    case "go_live_planned":
      return "plan a go-live date";
  }
}

/**
 * One gap line for a criterion and functionality.
 *
 * Why: the trust's "what next" list must read as plain actions, one per functionality.
 */
export function buildGap(
  criterion: TierCriterion,
  functionality: Functionality,
  record: AssessableRecord | undefined,
  currentLevel: AdoptionLevel,
  menuStillNeeded?: number,
): Gap {
  const gaps = measureGaps(functionality, record, criterion.requiredLevel);
  const label = functionality.shortName ?? functionality.name;
  const body =
    gaps.length > 0
      ? gaps.map(describe).join(", ")
      : `level L${currentLevel} → L${criterion.requiredLevel} (the measures meet it; the recorded level is lower)`;
  const suffix = menuStillNeeded !== undefined ? ` (menu: ${menuStillNeeded} more needed)` : "";
  return {
    criterionId: criterion.id,
    kind: criterion.kind,
    functionalityCode: functionality.code,
    functionalityName: functionality.name,
    requiredLevel: criterion.requiredLevel,
    currentLevel,
    measureGaps: gaps,
    ...(menuStillNeeded !== undefined ? { menuStillNeeded } : {}),
    text: `${label} ${body}${suffix}`,
  };
}
