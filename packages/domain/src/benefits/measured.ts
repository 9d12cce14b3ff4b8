import { effectiveLevel } from "../adoption/claim.js";
import { deriveAdoptionLevel } from "../adoption/derive-level.js";
import type { AdoptionLevel, ValidationState } from "../adoption/schema.js";
import type { Functionality } from "../framework/schema.js";

/** The measures and claim of an adoption record, as a re-derivation reads them. */
export interface RemeasurableRecord {
  coveragePct: number | null;
  usageNumerator: number | null;
  usageDenominator: number | null;
  paperRetired: boolean;
  plannedGoLive: string | null;
  claimedLevel: number | null;
  validationState: ValidationState;
}

/**
 * A record's levels once its "benefit measured" measure changes: the derived level and the rule that
 * decided it, and the level that counts given the trust's claim and its validation.
 *
 * Why: L5 (optimised) needs a linked benefit with a baseline and measured improvement (domain.md §7.3), so
 * a benefit line's actuals can move a functionality's level, and with it the trust's tier.
 */
export function levelWithBenefitMeasured(
  functionality: Functionality,
  record: RemeasurableRecord,
  benefitMeasured: boolean,
): { derivedLevel: AdoptionLevel; level: number; rule: string } {
  const derived = deriveAdoptionLevel(functionality, {
    coveragePct: record.coveragePct,
    usageNumerator: record.usageNumerator,
    usageDenominator: record.usageDenominator,
    paperRetired: record.paperRetired,
    benefitMeasured,
    plannedGoLive: record.plannedGoLive,
  });
  return {
    derivedLevel: derived.level,
    level: effectiveLevel(derived.level, record.claimedLevel, record.validationState),
    rule: derived.rule,
  };
}
