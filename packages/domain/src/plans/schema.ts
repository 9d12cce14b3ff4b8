import { z } from "zod";
import { isoDate, text } from "../common/schema.js";
import { AdoptionLevelSchema } from "../adoption/schema.js";
import { FunctionalityCodeSchema } from "../framework/schema.js";
import { OdsCodeSchema } from "../organisation/schema.js";

/** Where a plan item is. */
export const PlanStatusSchema = z.enum(["not_started", "in_progress", "done", "at_risk"], {
  error: "Choose the plan status: not started, in progress, done or at risk",
});
/** A plan status. */
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

/** One line of a trust's plan: a functionality to reach a level by a date. */
export const PlanItemSchema = z.object({
  id: z.string().max(100).optional(),
  odsCode: OdsCodeSchema,
  functionalityCode: FunctionalityCodeSchema,
  targetLevel: AdoptionLevelSchema,
  targetDate: isoDate("Target date"),
  owner: text("Owner", 200),
  status: PlanStatusSchema,
});
/** A plan item. */
export type PlanItem = z.infer<typeof PlanItemSchema>;

/** When a trust's plan makes it reach each tier. */
export interface TierForecast {
  tier: number;
  attainedNow: boolean;
  /** The date the plan makes the tier attained; null if attained now or never. */
  forecastDate: string | null;
  status: "attained" | "forecast" | "not_planned";
}

/**
 * A plan item's target date as the date input sends it (day, month and year boxes made into an ISO date),
 * with messages about the boxes rather than the ISO form.
 */
export const PlanTargetDateInputSchema = z
  .string({ error: "Enter the target date" })
  .min(1, "Enter the target date")
  .pipe(z.iso.date({ error: "Target date must be a real date, for example 31 3 2027" }));
