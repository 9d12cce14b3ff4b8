import type { Framework, TierCriterion } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import { applicableCriteria, applicableOptions, requiredUnits } from "./applicable.js";

/** A criterion as a trust type meets it: the functionalities it offers that type, and how many count. */
export interface CriterionResult {
  criterion: TierCriterion;
  /** Applicable functionalities offered (1 for mandatory). */
  options: string[];
  met: number;
  required: number;
}

interface ApplicableCriterion {
  criterion: TierCriterion;
  options: string[];
  required: number;
}

// What applies to a trust type depends on the framework alone, which is read-only data: worked out once
// per framework and type, not for every trust and every plan date a forecast tries (issue 18).
const applicableBy = new WeakMap<Framework, Map<TrustType, ApplicableCriterion[]>>();

function applicableTo(framework: Framework, trustType: TrustType): ApplicableCriterion[] {
  let byType = applicableBy.get(framework);
  if (!byType) {
    byType = new Map();
    applicableBy.set(framework, byType);
  }
  let list = byType.get(trustType);
  if (!list) {
    const fns = new Map(framework.functionalities.map((f) => [f.code, f]));
    list = applicableCriteria(framework, trustType).map((criterion) => ({
      criterion,
      options: applicableOptions(criterion, trustType, fns),
      required: requiredUnits(criterion),
    }));
    byType.set(trustType, list);
  }
  return list;
}

/** Each tier's applicable criteria as `levelOf` meets them, by tier number. */
export function criterionResults(
  framework: Framework,
  trustType: TrustType,
  levelOf: (code: string) => number,
): Map<number, CriterionResult[]> {
  const results = new Map<number, CriterionResult[]>();
  for (const { criterion, options, required } of applicableTo(framework, trustType)) {
    let met = 0;
    for (const code of options) if (levelOf(code) >= criterion.requiredLevel) met++;
    const result = { criterion, options, met: Math.min(met, required), required };
    const list = results.get(criterion.tier);
    if (list) list.push(result);
    else results.set(criterion.tier, [result]);
  }
  return results;
}

/**
 * The tiers attained with these levels: cumulative, each needing all its applicable criteria met and
 * every tier below it attained. The one rule behind a trust's assessment and its forecasts.
 */
export function attainedTiers(
  framework: Framework,
  results: ReadonlyMap<number, readonly CriterionResult[]>,
): { tier: number; attained: boolean; criteriaMet: boolean }[] {
  let cumulative = true;
  return [...framework.tiers]
    .sort((a, b) => a.number - b.number)
    .map((t) => {
      const criteriaMet = (results.get(t.number) ?? []).every((r) => r.met >= r.required);
      cumulative = cumulative && criteriaMet;
      return { tier: t.number, attained: cumulative, criteriaMet };
    });
}
