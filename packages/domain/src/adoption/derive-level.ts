import type { Functionality } from "../framework/schema.js";
import type { AdoptionLevel, AdoptionMeasures } from "./schema.js";
import { formatPct, usagePct } from "./usage.js";
import { dateInWords } from "../common/dates.js";

/** A derived level with the rule that decided it, for display and audit. */
export interface LevelDerivation {
  level: AdoptionLevel;
  /** Machine id of the deciding rule, e.g. `l3.coverage_and_usage`. */
  rule: string;
  /** One sentence a trust user can read. */
  reason: string;
}

type Thresholds = Functionality["thresholds"]["l3"];

function meets(t: Thresholds, coverage: number, usage: number | null): boolean {
  // Unmeasured usage counts as 0%, so it passes only a 0% threshold and reporting usage never lowers a level.
  return coverage >= t.coveragePct && (usage ?? 0) >= t.usagePct;
}

function shortfall(t: Thresholds, coverage: number, usage: number | null, extra: string[] = []): string {
  const parts: string[] = [];
  if (coverage < t.coveragePct) parts.push(`coverage ${formatPct(coverage)} → ${formatPct(t.coveragePct)}`);
  if ((usage ?? 0) < t.usagePct) parts.push(`usage ${formatPct(usage)} → ${formatPct(t.usagePct)}`);
  return [...parts, ...extra].join(", ");
}

/**
 * Derives the adoption level from measures, cumulatively: L3 needs L2, L4 needs L3 and so on.
 *
 * Why: levels are derived, not only claimed, so a trust's level means the same thing everywhere; cumulative
 * checks make the result monotone (raising any measure never lowers it) whatever the thresholds.
 */
export function deriveAdoptionLevel(
  functionality: Functionality,
  measures: AdoptionMeasures,
): LevelDerivation {
  const { l3, l4, l5 } = functionality.thresholds;
  const coverage = measures.coveragePct ?? 0;
  const usage = usagePct(measures.usageNumerator, measures.usageDenominator);

  if (coverage <= 0) {
    if (measures.plannedGoLive !== null) {
      return {
        level: 1,
        rule: "l1.planned",
        reason: `Planned: go-live planned for ${dateInWords(measures.plannedGoLive)}; not yet live in any service.`,
      };
    }
    return {
      level: 0,
      rule: "l0.not_in_place",
      reason: "Not in place: no coverage and no planned go-live date.",
    };
  }
  if (!meets(l3, coverage, usage)) {
    return {
      level: 2,
      rule: "l2.live_partial",
      reason: `Live (partial): coverage ${formatPct(coverage)}; adopted (L3) needs ${shortfall(l3, coverage, usage)}.`,
    };
  }
  if (!meets(l4, coverage, usage) || !measures.paperRetired) {
    const missing = shortfall(l4, coverage, usage, measures.paperRetired ? [] : ["paper process retired"]);
    return {
      level: 3,
      rule: "l3.coverage_and_usage",
      reason: `Adopted: coverage ${formatPct(coverage)} and usage ${formatPct(usage)} meet L3; embedded (L4) needs ${missing}.`,
    };
  }
  if (!meets(l5, coverage, usage) || !measures.benefitMeasured) {
    const missing = shortfall(
      l5,
      coverage,
      usage,
      measures.benefitMeasured ? [] : ["a linked benefit measured"],
    );
    return {
      level: 4,
      rule: "l4.embedded",
      reason: `Embedded: coverage ${formatPct(coverage)}, usage ${formatPct(usage)} and paper retired; optimised (L5) needs ${missing}.`,
    };
  }
  return {
    level: 5,
    rule: "l5.optimised",
    reason: `Optimised: coverage ${formatPct(coverage)}, usage ${formatPct(usage)}, paper retired and a linked benefit measured.`,
  };
}
