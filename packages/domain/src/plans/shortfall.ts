import { toAdoptionLevel } from "../adoption/schema.js";
import type { Framework } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import { latestRecords } from "../tiers/assess.js";
import { applicableCriteria, applicableOptions, requiredUnits } from "../tiers/applicable.js";
import type { AssessableRecord } from "../tiers/schema.js";
import type { PlanItem } from "./schema.js";

/** One criterion the plan leaves unmet, with the functionalities that could meet it. */
export interface PlanShortfall {
  /** The tier the criterion belongs to (a lower tier's gap also holds a higher tier back). */
  tier: number;
  kind: "mandatory" | "menu";
  requiredLevel: number;
  /** For a menu: how many more of the options must reach the level; 1 for a mandatory criterion. */
  stillNeeded: number;
  /** The options below the level even after the plan, with the level the plan takes each to. */
  functionalities: Array<{ code: string; name: string; plannedLevel: number }>;
}

/**
 * What keeps each tier out of reach once every plan item is met: for each tier, the unmet criteria of it
 * and of every tier below it, with the level each option would be at after the plan. An empty list means
 * the plan reaches the tier.
 *
 * Why: "Not reached by the plan" is only useful when it says what to add to the plan.
 */
export function planShortfalls(
  framework: Framework,
  organisation: { odsCode: string; trustType: TrustType },
  records: readonly AssessableRecord[],
  planItems: ReadonlyArray<Pick<PlanItem, "odsCode" | "functionalityCode" | "targetLevel">>,
): Map<number, PlanShortfall[]> {
  const planned = new Map<string, number>();
  for (const [code, r] of latestRecords(records)) planned.set(code, toAdoptionLevel(r.level));
  for (const p of planItems) {
    if (p.odsCode !== organisation.odsCode) continue;
    planned.set(p.functionalityCode, Math.max(planned.get(p.functionalityCode) ?? 0, p.targetLevel));
  }
  const fns = new Map(framework.functionalities.map((f) => [f.code, f]));
  const unmet: PlanShortfall[] = [];
  for (const c of applicableCriteria(framework, organisation.trustType)) {
    const options = applicableOptions(c, organisation.trustType, fns);
    const below = options.filter((code) => (planned.get(code) ?? 0) < c.requiredLevel);
    const met = Math.min(options.length - below.length, requiredUnits(c));
    if (met >= requiredUnits(c)) continue;
    unmet.push({
      tier: c.tier,
      kind: c.kind,
      requiredLevel: c.requiredLevel,
      stillNeeded: requiredUnits(c) - met,
      functionalities: below.map((code) => ({
        code,
        name: fns.get(code)?.name ?? code,
        plannedLevel: planned.get(code) ?? 0,
      })),
    });
  }
  const out = new Map<number, PlanShortfall[]>();
  for (const t of [...framework.tiers].sort((a, b) => a.number - b.number)) {
    out.set(
      t.number,
      unmet.filter((u) => u.tier <= t.number).sort((a, b) => a.tier - b.tier),
    );
  }
  return out;
}
