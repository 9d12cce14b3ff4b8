import type { Functionality } from "../framework/schema.js";
import { deriveAdoptionLevel, type LevelDerivation } from "./derive-level.js";
import {
  ADOPTION_LEVEL_LABELS,
  type AdoptionInput,
  type AdoptionLevel,
  type AdoptionMeasures,
  type ValidationState,
  toAdoptionLevel,
} from "./schema.js";

/**
 * The level that counts: the derived level, or a lower claim. A claim above the derived level counts only once
 * a validator has marked the record `validated` (pass its state as the third argument).
 *
 * Why: a claim above the measures is flagged for validation rather than silently accepted, but a trust may
 * always under-claim (for example when it knows its measures are out of date).
 */
export function effectiveLevel(
  derived: AdoptionLevel | number,
  claimedLevel: AdoptionLevel | number | null | undefined,
  validationState?: ValidationState | null,
): AdoptionLevel {
  const d = toAdoptionLevel(derived);
  if (claimedLevel === null || claimedLevel === undefined) return d;
  const claimed = toAdoptionLevel(claimedLevel);
  if (validationState === "validated") return claimed;
  return Math.min(d, claimed) as AdoptionLevel;
}

/**
 * Whether a claim is above the derived level and so needs validating.
 *
 * Why: over-claims are shown to validators and in the trust's own view, never hidden.
 */
export function isClaimFlagged(derived: number, claimedLevel: number | null | undefined): boolean {
  return claimedLevel !== null && claimedLevel !== undefined && claimedLevel > derived;
}

/** The measures held in an adoption form's input. */
export function measuresFromInput(
  input: Pick<
    AdoptionInput,
    "coveragePct" | "usageNumerator" | "usageDenominator" | "paperRetired" | "plannedGoLive"
  >,
  benefitMeasured = false,
): AdoptionMeasures {
  return {
    coveragePct: input.coveragePct,
    usageNumerator: input.usageNumerator,
    usageDenominator: input.usageDenominator,
    paperRetired: input.paperRetired,
    plannedGoLive: input.plannedGoLive,
    benefitMeasured,
  };
}

/** The outcome of checking a claim against a functionality's thresholds. */
export interface ClaimCheck {
  derived: LevelDerivation;
  effectiveLevel: AdoptionLevel;
  claimFlag: boolean;
  /** Empty when the input is acceptable; otherwise issues in zod's shape, with paths into the input. */
  issues: Array<{ path: Array<string | number>; message: string }>;
}

/**
 * Checks the claim part of an adoption input against the level its measures derive.
 *
 * Why: the schema cannot know the functionality's thresholds, and a claim above the measures must come with
 * a reason a validator can weigh.
 */
export function checkClaim(
  functionality: Functionality,
  input: Pick<
    AdoptionInput,
    | "coveragePct"
    | "usageNumerator"
    | "usageDenominator"
    | "paperRetired"
    | "plannedGoLive"
    | "claimedLevel"
    | "claimReason"
  >,
  context: { benefitMeasured?: boolean } = {},
): ClaimCheck {
  const derived = deriveAdoptionLevel(
    functionality,
    measuresFromInput(input, context.benefitMeasured ?? false),
  );
  const claimFlag = isClaimFlagged(derived.level, input.claimedLevel);
  const issues: ClaimCheck["issues"] = [];
  if (claimFlag && (input.claimReason ?? "").trim() === "") {
    const claimed = input.claimedLevel as AdoptionLevel;
    issues.push({
      path: ["claimReason"],
      message: `Claim reason is required when the claimed level (L${claimed} ${ADOPTION_LEVEL_LABELS[claimed]}) is above the level the measures show (L${derived.level} ${ADOPTION_LEVEL_LABELS[derived.level]})`,
    });
  }
  return { derived, effectiveLevel: effectiveLevel(derived.level, input.claimedLevel), claimFlag, issues };
}
