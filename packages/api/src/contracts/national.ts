// Inputs of the national procedures: zod only, importable by the browser (no server code).
import { EprStatusSchema, HEATMAP_SORTS, PeriodSchema, RegionSchema, TrustTypeSchema } from "@realise/domain";
import { z } from "zod";

/** The slice of the nation a view covers; the admin app keeps it in the URL so a view can be shared. */
export const NationalFilterSchema = z
  .object({
    region: RegionSchema.optional(),
    icbCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{3,5}$/, { message: "ICB code must be 3 to 5 letters or digits" })
      .optional(),
    trustType: TrustTypeSchema.optional(),
    eprSupplier: z
      .string()
      .trim()
      .min(1, { message: "EPR supplier must not be empty" })
      .max(100, { message: "EPR supplier must be at most 100 characters" })
      .optional(),
    eprStatus: EprStatusSchema.optional(),
    asOf: z.iso.date({ message: "Date must be written as YYYY-MM-DD" }).optional(),
  })
  .strict();

export const NationalOverviewInput = NationalFilterSchema;
export type NationalOverviewInput = z.infer<typeof NationalOverviewInput>;

export const NationalHeatmapInput = NationalFilterSchema.extend({
  tier: z
    .number({ error: "Tier must be a number" })
    .int({ message: "Tier must be a whole number" })
    .min(1, { message: "Tier must be from 1 to 5" })
    .max(5, { message: "Tier must be from 1 to 5" })
    .optional(),
  /** Only trusts that have attained this tier (0: not yet tier 1). */
  trustTier: z
    .number({ error: "Trust tier must be a number" })
    .int({ message: "Trust tier must be a whole number" })
    .min(0, { message: "Trust tier must be from 0 to 5" })
    .max(5, { message: "Trust tier must be from 0 to 5" })
    .optional(),
  sort: z
    .enum(HEATMAP_SORTS, { error: "Sort must be by name, tier, progress, region or supplier" })
    .optional(),
}).strict();
export type NationalHeatmapInput = z.infer<typeof NationalHeatmapInput>;

/** Trends read frozen periods, each with its own ICB membership, so there is no as-at date. */
export const NationalTrendsInput = NationalFilterSchema.omit({ asOf: true }).strict();
export type NationalTrendsInput = z.infer<typeof NationalTrendsInput>;

/** Two published periods compared: `from` the earlier view, `to` the later, over the same slice. */
export const ComparePeriodsInput = z
  .object({
    from: PeriodSchema,
    to: PeriodSchema,
    region: NationalFilterSchema.shape.region,
    icbCode: NationalFilterSchema.shape.icbCode,
  })
  .strict();
export type ComparePeriodsInput = z.infer<typeof ComparePeriodsInput>;
