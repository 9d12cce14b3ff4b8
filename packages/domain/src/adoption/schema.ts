import { z } from "zod";
import { isoDate, isoDateTime } from "../common/schema.js";
import { OdsCodeSchema } from "../organisation/schema.js";

/**
 * How far a functionality is adopted: L0 not in place, L1 planned, L2 live (partial), L3 adopted,
 * L4 embedded, L5 optimised.
 */
export const AdoptionLevelSchema = z
  .number({ error: "Adoption level must be a number from 0 to 5" })
  .int("Adoption level must be a whole number from 0 to 5")
  .min(0, "Adoption level must be from 0 to 5")
  .max(5, "Adoption level must be from 0 to 5");
/** An adoption level, 0 to 5. */
export type AdoptionLevel = 0 | 1 | 2 | 3 | 4 | 5;

/** The name of each adoption level, as shown to users. */
export const ADOPTION_LEVEL_LABELS: Record<AdoptionLevel, string> = {
  0: "Not in place",
  1: "Planned",
  2: "Live (partial)",
  3: "Adopted",
  4: "Embedded",
  5: "Optimised",
};

/** Levels in order, for loops that must visit each one. */
export const ADOPTION_LEVELS: readonly AdoptionLevel[] = [0, 1, 2, 3, 4, 5];

/** Narrows a number to an adoption level, clamping and flooring. */
export function toAdoptionLevel(n: number): AdoptionLevel {
  const v = Math.max(0, Math.min(5, Math.floor(Number.isFinite(n) ? n : 0)));
  return v as AdoptionLevel;
}

/**
 * Where a record is in validation; mirrors DMA peer review and EMRAM on-site validation. `system_reported`:
 * the record's measures came from the trust's own system (a FHIR MeasureReport), not typed in.
 */
export const ValidationStateSchema = z.enum(
  ["self_assessed", "evidence_attached", "validated", "returned", "system_reported"],
  {
    error:
      "Validation state must be one of self_assessed, evidence_attached, validated, returned, system_reported",
  },
);
/** A validation state. */
export type ValidationState = z.infer<typeof ValidationStateSchema>;

const coveragePct = z
  .number({ error: "Coverage must be a number between 0 and 100" })
  .min(0, "Coverage must be between 0 and 100")
  .max(100, "Coverage must be between 0 and 100")
  .nullable();
const usageNumerator = z
  .number({ error: "Usage numerator must be a whole number" })
  .int("Usage numerator must be a whole number")
  .min(0, "Usage numerator cannot be negative")
  .max(1_000_000_000, "Usage numerator is too large")
  .nullable();
const usageDenominator = z
  .number({ error: "Usage denominator must be a whole number" })
  .int("Usage denominator must be a whole number")
  .min(1, "Usage denominator must be at least 1")
  .max(1_000_000_000, "Usage denominator is too large")
  .nullable();
const paperRetired = z.boolean({ error: "Paper retired must be true or false" });
const plannedGoLive = isoDate("Planned go-live date").nullable();

type UsagePair = { usageNumerator: number | null; usageDenominator: number | null };

/** Shared check: usage is a numerator and a denominator, both or neither, and the share cannot exceed 100%. */
function checkUsage(value: UsagePair, ctx: z.RefinementCtx): void {
  const { usageNumerator: n, usageDenominator: d } = value;
  if ((n === null) !== (d === null)) {
    ctx.addIssue({
      code: "custom",
      path: [n === null ? "usageNumerator" : "usageDenominator"],
      message: "Usage numerator and denominator must be given together, or both left empty",
    });
  } else if (n !== null && d !== null && n > d) {
    ctx.addIssue({
      code: "custom",
      path: ["usageNumerator"],
      message: "Usage numerator cannot exceed the denominator",
    });
  }
}

/** The measures a level is derived from. */
export const AdoptionMeasuresSchema = z
  .object({
    coveragePct,
    usageNumerator,
    usageDenominator,
    paperRetired,
    benefitMeasured: z.boolean({ error: "Benefit measured must be true or false" }),
    plannedGoLive,
  })
  .superRefine(checkUsage);
/** Measures for one trust and functionality. */
export type AdoptionMeasures = z.infer<typeof AdoptionMeasuresSchema>;

/** One evidence link: a label and an http(s) address. */
export const EvidenceLinkSchema = z.object(
  {
    label: z
      .string({ error: "Evidence label must be text" })
      .trim()
      .min(1, "Evidence label is required")
      .max(200, "Evidence label must be at most 200 characters"),
    url: z
      .string({ error: "Evidence link must be text" })
      .trim()
      .max(2000, "Evidence link must be at most 2000 characters")
      .pipe(
        z.url({
          protocol: /^https?$/,
          hostname: z.regexes.domain,
          error: "Evidence link must be a web address starting with http:// or https://",
        }),
      ),
  },
  { error: "Each evidence item must have a label and a link" },
);
/** An evidence link. */
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

const adoptionInputShape = {
  coveragePct,
  usageNumerator,
  usageDenominator,
  measurementWindowStart: isoDate("Measurement window start").nullable(),
  measurementWindowEnd: isoDate("Measurement window end").nullable(),
  paperRetired,
  plannedGoLive,
  claimedLevel: AdoptionLevelSchema.nullable(),
  claimReason: z
    .string({ error: "Claim reason must be text" })
    .trim()
    .max(2000, "Claim reason must be at most 2000 characters")
    .nullable(),
  evidence: z
    .array(EvidenceLinkSchema, { error: "Evidence must be a list of links" })
    .max(20, "Evidence can have at most 20 links"),
  notes: z.string({ error: "Notes must be text" }).max(4000, "Notes must be at most 4000 characters"),
};

type WindowPair = { measurementWindowStart: string | null; measurementWindowEnd: string | null };

/** Shared check for the form and the stored record. */
function checkInput(value: UsagePair & WindowPair, ctx: z.RefinementCtx): void {
  checkUsage(value, ctx);
  const { measurementWindowStart: s, measurementWindowEnd: e } = value;
  if (s !== null && e !== null && e < s) {
    ctx.addIssue({
      code: "custom",
      path: ["measurementWindowEnd"],
      message: "Measurement window end cannot be before its start",
    });
  }
}

/**
 * What a trust enters for one functionality. Strict, so a misspelt field is an error rather than silently
 * dropped. Whether a claim needs a reason depends on the functionality's thresholds: see `checkClaim`.
 */
export const AdoptionInputSchema = z
  .strictObject(adoptionInputShape, {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Unknown field${iss.keys.length > 1 ? "s" : ""}: ${iss.keys.join(", ")}`
        : "Adoption input must be an object",
  })
  .superRefine(checkInput);
/** The adoption form's input. */
export type AdoptionInput = z.infer<typeof AdoptionInputSchema>;

/** A stored adoption record: the input plus identity, derived and effective levels, validation and version. */
export const AdoptionRecordSchema = z
  .object({
    ...adoptionInputShape,
    odsCode: OdsCodeSchema,
    functionalityCode: z
      .string({ error: "Functionality code must be text" })
      .min(1, "Functionality code is required"),
    derivedLevel: AdoptionLevelSchema,
    level: AdoptionLevelSchema,
    validationState: ValidationStateSchema,
    version: z
      .number({ error: "Version must be a number" })
      .int("Version must be a whole number")
      .min(1, "Version must be at least 1"),
    updatedAt: isoDateTime("Updated at"),
    benefitMeasured: z.boolean({ error: "Benefit measured must be true or false" }).optional(),
  })
  .superRefine((r, ctx) => {
    checkInput(r, ctx);
    // The effective level is the derived one or lower; only a validated claim may lift it (see effectiveLevel).
    const ceiling =
      r.validationState === "validated" && r.claimedLevel !== null
        ? Math.max(r.derivedLevel, r.claimedLevel)
        : r.derivedLevel;
    if (r.level > ceiling) {
      ctx.addIssue({
        code: "custom",
        path: ["level"],
        message: "Level cannot be above the derived level unless a validator has accepted the claim",
      });
    }
  });
/** A stored adoption record. */
export type AdoptionRecord = z.infer<typeof AdoptionRecordSchema>;
