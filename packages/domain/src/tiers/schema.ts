import { z } from "zod";
import { AdoptionLevelSchema, ValidationStateSchema } from "../adoption/schema.js";
import { TrustTypeSchema } from "../organisation/schema.js";

/** One measure short of what a criterion needs. */
export const MeasureGapSchema = z.object({
  measure: z.enum(["coverage", "usage", "paper_retired", "benefit_measured", "go_live_planned"]),
  current: z.union([z.number(), z.boolean(), z.null()]),
  required: z.union([z.number(), z.boolean()]),
});
/** A measure gap. */
export type MeasureGap = z.infer<typeof MeasureGapSchema>;

/** What a trust still needs for one criterion of its next tier. */
export const GapSchema = z.object({
  criterionId: z.string(),
  kind: z.enum(["mandatory", "menu"]),
  functionalityCode: z.string(),
  functionalityName: z.string(),
  requiredLevel: AdoptionLevelSchema,
  currentLevel: AdoptionLevelSchema,
  measureGaps: z.array(MeasureGapSchema),
  /** For a menu gap: how many more of the menu are still needed. */
  menuStillNeeded: z.number().int().min(0).optional(),
  /** E.g. "eMAR coverage 62% → 90%". */
  text: z.string(),
});
/** A gap. */
export type Gap = z.infer<typeof GapSchema>;

/** How a trust stands on one tier. */
export const TierStatusSchema = z.object({
  tier: z.number().int(),
  name: z.string(),
  /** Attained, cumulatively: this tier's criteria and every lower tier's. */
  attained: z.boolean(),
  /** This tier's own criteria met, regardless of lower tiers. */
  criteriaMet: z.boolean(),
  mandatoryMet: z.number().int(),
  mandatoryTotal: z.number().int(),
  /** Menu units met, counting at most k per menu. */
  menuMet: z.number().int(),
  /** Sum of k over the applicable menus. */
  menuRequired: z.number().int(),
  /** Applicable functionalities offered across the menus. */
  menuTotal: z.number().int(),
});
/** A tier status. */
export type TierStatus = z.infer<typeof TierStatusSchema>;

/** One functionality as a trust sees it in its assessment. */
export const FunctionalityViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  tier: z.number().int(),
  applicable: z.boolean(),
  level: AdoptionLevelSchema,
  derivedLevel: AdoptionLevelSchema,
  claimedLevel: AdoptionLevelSchema.nullable(),
  /** A claim above the derived level, awaiting validation. */
  claimFlag: z.boolean(),
  rule: z.string(),
  reason: z.string(),
  coveragePct: z.number().nullable(),
  usagePct: z.number().nullable(),
  paperRetired: z.boolean(),
  validationState: ValidationStateSchema.nullable(),
});
/** A functionality view. */
export type FunctionalityView = z.infer<typeof FunctionalityViewSchema>;

/** A trust scored against a framework. */
export const TrustAssessmentSchema = z.object({
  odsCode: z.string(),
  trustType: TrustTypeSchema,
  frameworkVersion: z.number().int(),
  attainedTier: z.number().int().min(0).max(5),
  nextTier: z.number().int().nullable(),
  progressToNext: z.number().min(0).max(1),
  nextTierNeeds: z.array(GapSchema),
  tiers: z.array(TierStatusSchema),
  functionalities: z.array(FunctionalityViewSchema),
});
/** A trust assessment. */
export type TrustAssessment = z.infer<typeof TrustAssessmentSchema>;

/** The record fields scoring needs; stored adoption records satisfy it. */
export interface AssessableRecord {
  functionalityCode: string;
  /** The effective level. */
  level: number;
  coveragePct: number | null;
  usageNumerator: number | null;
  usageDenominator: number | null;
  paperRetired: boolean;
  derivedLevel?: number | null;
  claimedLevel?: number | null;
  validationState?: z.infer<typeof ValidationStateSchema> | null;
  version?: number;
  benefitMeasured?: boolean;
  plannedGoLive?: string | null;
  rule?: string;
  reason?: string;
}
