import { type AdoptionLevel, toAdoptionLevel } from "../adoption/schema.js";
import type { Framework, Functionality, TierCriterion } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import { applicableCriteria, applicableOptions, requiredUnits } from "./applicable.js";
import { latestRecords } from "./assess.js";
import { buildGap } from "./gaps.js";
import type { AssessableRecord, Gap } from "./schema.js";

/** One functionality a criterion names, as the trust stands on it. */
export interface CriterionOption {
  code: string;
  name: string;
  /** The tier the functionality belongs to (lower than the criterion's tier when carried). */
  tier: number;
  level: AdoptionLevel;
  meets: boolean;
  /** What is missing, when the criterion is not met and this functionality is below the level needed. */
  gap?: Gap;
}

/** One criterion of a tier explained: what it asks, and how far the trust is. */
export interface CriterionExplanation {
  criterionId: string;
  kind: "mandatory" | "menu";
  /** For a menu: how many of its options must be met (k). */
  k?: number;
  /** For a menu: how many options apply to the trust (m). */
  m?: number;
  requiredLevel: AdoptionLevel;
  description?: string;
  /**
   * A criterion on functionalities of lower tiers, carried into this tier (e.g. tier 1's records must be
   * embedded, L4, by tier 3); `fromTier` is the lowest of their tiers.
   */
  carried: boolean;
  fromTier: number;
  met: boolean;
  /** Units met, at most `required` (1 for a mandatory criterion, k for a menu). */
  metUnits: number;
  required: number;
  options: CriterionOption[];
}

/** Every criterion of one tier, its own and those carried from lower tiers, and where the trust stands. */
export interface TierExplanation {
  tier: number;
  name: string;
  /** Attained, cumulatively (this tier's criteria and every lower tier's met). */
  attained: boolean;
  criteriaMet: boolean;
  criteria: CriterionExplanation[];
  /** Counts split so that each matches a table the trust can see. */
  own: { mandatoryMet: number; mandatoryTotal: number; menuMet: number; menuRequired: number };
  carried: { met: number; total: number };
}

function explainCriterion(
  criterion: TierCriterion,
  trustType: TrustType,
  fns: ReadonlyMap<string, Functionality>,
  latest: ReadonlyMap<string, AssessableRecord>,
): CriterionExplanation {
  const codes = applicableOptions(criterion, trustType, fns);
  const levelOf = (code: string) => toAdoptionLevel(latest.get(code)?.level ?? 0);
  const required = requiredUnits(criterion);
  const metCount = codes.filter((code) => levelOf(code) >= criterion.requiredLevel).length;
  const metUnits = Math.min(metCount, required);
  const met = metUnits >= required;
  const stillNeeded = criterion.kind === "menu" ? required - metUnits : undefined;
  const options: CriterionOption[] = [];
  for (const code of codes) {
    const fn = fns.get(code);
    if (!fn) continue;
    const level = levelOf(code);
    const meets = level >= criterion.requiredLevel;
    const gap = !met && !meets ? buildGap(criterion, fn, latest.get(code), level, stillNeeded) : undefined;
    options.push({ code, name: fn.name, tier: fn.tier, level, meets, ...(gap ? { gap } : {}) });
  }
  const fromTier = Math.min(criterion.tier, ...options.map((o) => o.tier));
  return {
    criterionId: criterion.id,
    kind: criterion.kind,
    ...(criterion.kind === "menu" ? { k: required, m: codes.length } : {}),
    requiredLevel: toAdoptionLevel(criterion.requiredLevel),
    ...(criterion.description ? { description: criterion.description } : {}),
    carried: fromTier < criterion.tier,
    fromTier,
    met,
    metUnits,
    required,
    options,
  };
}

/**
 * Every tier explained for a trust: each criterion that applies to its type (mandatory, or a menu of k of m),
 * the level it needs, whether it is met, and what is missing for each unmet one, with the criteria carried
 * from lower tiers shown as such.
 *
 * Why: "9 of 10 criteria" is opaque when the tier's table lists 5 functionalities; a trust plans better when
 * it sees every tier's full requirement, not only the next tier's gaps. Agrees with `assessTrust`.
 */
export function explainTiers(
  framework: Framework,
  organisation: { trustType: TrustType },
  records: readonly AssessableRecord[],
): TierExplanation[] {
  const fns = new Map(framework.functionalities.map((f) => [f.code, f]));
  const latest = latestRecords(records);
  const criteria = applicableCriteria(framework, organisation.trustType);
  let cumulative = true;
  return [...framework.tiers]
    .sort((a, b) => a.number - b.number)
    .map((t) => {
      const explained = criteria
        .filter((c) => c.tier === t.number)
        .map((c) => explainCriterion(c, organisation.trustType, fns, latest))
        .sort((a, b) => Number(a.carried) - Number(b.carried) || a.fromTier - b.fromTier);
      const criteriaMet = explained.every((c) => c.met);
      cumulative = cumulative && criteriaMet;
      const own = explained.filter((c) => !c.carried);
      const ownMandatory = own.filter((c) => c.kind === "mandatory");
      const ownMenus = own.filter((c) => c.kind === "menu");
      const carried = explained.filter((c) => c.carried);
      return {
        tier: t.number,
        name: t.name,
        attained: cumulative,
        criteriaMet,
        criteria: explained,
        own: {
          mandatoryMet: ownMandatory.filter((c) => c.met).length,
          mandatoryTotal: ownMandatory.length,
          menuMet: ownMenus.reduce((s, c) => s + c.metUnits, 0),
          menuRequired: ownMenus.reduce((s, c) => s + c.required, 0),
        },
        carried: { met: carried.filter((c) => c.met).length, total: carried.length },
      };
    });
}
