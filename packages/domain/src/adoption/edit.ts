import { AppError } from "../errors/app-error.js";
import type { Framework, Functionality } from "../framework/schema.js";
import { effectiveLevel, measuresFromInput } from "./claim.js";
import { deriveAdoptionLevel, type LevelDerivation } from "./derive-level.js";
import type { AdoptionInput, AdoptionLevel, ValidationState } from "./schema.js";

/** The fields a trust edits on a record, compared to tell an editor what someone else changed. */
export const EDITED_ADOPTION_FIELDS = [
  "coveragePct",
  "usageNumerator",
  "usageDenominator",
  "measurementWindowStart",
  "measurementWindowEnd",
  "paperRetired",
  "plannedGoLive",
  "claimedLevel",
  "claimReason",
  "evidence",
  "notes",
] as const satisfies readonly (keyof AdoptionInput)[];

/** The edited fields whose stored value differs from the editor's input. */
export function changedAdoptionFields(stored: object, input: object): string[] {
  const a = stored as Record<string, unknown>;
  const b = input as Record<string, unknown>;
  return EDITED_ADOPTION_FIELDS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * Refuses an edit made on a version that is no longer the stored one (0 for a record that does not exist
 * yet), with the record as it is now and the fields that differ from the editor's input.
 *
 * Why: two people editing the same record must never overwrite each other silently.
 */
export function assertEditedVersion(
  stored: { version: number } | undefined,
  expectedVersion: number,
  input: object,
): void {
  const currentVersion = stored?.version ?? 0;
  if (currentVersion === expectedVersion) return;
  throw AppError.conflict(
    `Someone else changed this record (now version ${currentVersion}, you edited version ${expectedVersion}); review their change and try again`,
    stored ?? null,
    stored ? changedAdoptionFields(stored, input) : [],
  );
}

/** Refuses a record for a functionality the framework does not apply to the trust's type. */
export function assertAppliesTo(functionality: Pick<Functionality, "name" | "appliesTo">, trustType: string) {
  if (!(functionality.appliesTo as readonly string[]).includes(trustType)) {
    throw AppError.state(`${functionality.name} does not apply to ${trustType.replace("_", " ")} trusts`);
  }
}

/** The measured figures a system report supplies; a hand edit that changes one of them takes them over. */
export const SYSTEM_REPORTED_FIELDS = [
  "coveragePct",
  "usageNumerator",
  "usageDenominator",
  "measurementWindowStart",
  "measurementWindowEnd",
] as const satisfies readonly (keyof AdoptionInput)[];

/** Where an edit comes from, for its validation state. */
export interface EditOrigin {
  /** True when the trust's own system sent the figures (a FHIR MeasureReport), not a person. */
  reportedBySystem?: boolean;
  /** The record as stored before the edit, if there is one. */
  stored?: { validationState: string } & Partial<Record<(typeof SYSTEM_REPORTED_FIELDS)[number], unknown>>;
}

/**
 * The validation state an edit gives a record.
 *
 * - A report from the trust's own system makes it `system_reported`.
 * - A hand edit of a `system_reported` record that leaves every measured figure (coverage, usage numerator
 *   and denominator, measurement window) as the system sent it keeps `system_reported`: staff added a note,
 *   evidence or a plan date, and the figures are still the system's.
 * - Any other hand edit gives evidence attached when it carries evidence, else self-assessed: a person now
 *   vouches for the figures. An edit always drops a previous validated or returned state: what was
 *   validated was the old values.
 */
export function validationStateOnEdit(
  input: Pick<AdoptionInput, "evidence"> & Partial<AdoptionInput>,
  origin: EditOrigin = {},
): ValidationState {
  if (origin.reportedBySystem) return "system_reported";
  const stored = origin.stored;
  if (stored?.validationState === "system_reported") {
    const a = stored as Record<string, unknown>;
    const b = input as Record<string, unknown>;
    const same = SYSTEM_REPORTED_FIELDS.every(
      (k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null),
    );
    if (same) return "system_reported";
  }
  return input.evidence.length > 0 ? "evidence_attached" : "self_assessed";
}

/** What an edit makes of a record: the level its measures derive, the level that counts, its validation state. */
export interface AdoptionEditOutcome {
  derived: LevelDerivation;
  level: AdoptionLevel;
  validationState: ValidationState;
}

/**
 * Scores an edit. `benefitMeasured` comes from the stored record (a measured benefit sets it, the form
 * does not). A claim above the measures is recorded and flagged, never counted; a lower claim counts.
 */
export function scoreAdoptionEdit(
  functionality: Functionality,
  input: AdoptionInput,
  benefitMeasured: boolean,
  origin: EditOrigin = {},
): AdoptionEditOutcome {
  const derived = deriveAdoptionLevel(functionality, measuresFromInput(input, benefitMeasured));
  return {
    derived,
    level: effectiveLevel(derived.level, input.claimedLevel),
    validationState: validationStateOnEdit(input, origin),
  };
}

/** The functionality an edit names, in the framework in force; NOT_FOUND when it has no such code. */
export function editedFunctionality(framework: Framework, code: string): Functionality {
  const functionality = framework.functionalities.find((f) => f.code === code);
  if (!functionality) {
    throw AppError.notFound(
      `No functionality has the code ${code} in framework version ${framework.version}`,
    );
  }
  return functionality;
}

/**
 * The functionality codes "confirm unchanged" re-stamps for a tier; NOT_FOUND when the framework has no
 * functionality in that tier.
 */
export function tierFunctionalityCodes(framework: Framework, tier: number): string[] {
  const codes = framework.functionalities.filter((f) => f.tier === tier).map((f) => f.code);
  if (codes.length === 0)
    throw AppError.notFound(`Framework version ${framework.version} has no tier ${tier}`);
  return codes;
}
