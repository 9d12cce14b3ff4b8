import { z } from "zod";
import { boundedNumber, isoDate, isoDateTime, MAX_MONEY_GBP, text } from "../common/schema.js";
import { BenefitClassSchema, DirectionSchema, FunctionalityCodeSchema } from "../framework/schema.js";
import { OdsCodeSchema } from "../organisation/schema.js";
import { PeriodSchema } from "../periods/schema.js";

const value = (label: string) => boundedNumber(label);

/** Tracking confidence, as benefits leads rate it. */
export const ConfidenceSchema = z.enum(["low", "medium", "high"], {
  error: "Choose the confidence: low, medium or high",
});
/** Where a benefit is in its life. */
export const BenefitStatusSchema = z.enum(["planned", "in_progress", "realised", "not_realised"], {
  error: "Choose the status: planned, in progress, realised or not realised",
});

/**
 * One line of a trust's benefits register: the Green Book register fields (Box 9) plus tracking
 * (baseline, target, trajectory, actuals), per reference/domain.md §7.5.
 */
export const BenefitLineSchema = z
  .object({
    id: z.string().max(100).optional(),
    odsCode: OdsCodeSchema,
    benefitTypeCode: z.string({ error: "Benefit type must be text" }).min(1, "Benefit type is required"),
    title: text("Title", 200),
    benefitClass: BenefitClassSchema,
    isDisbenefit: z.boolean({ error: "Dis-benefit must be true or false" }),
    owner: text("Owner", 200),
    metric: text("Metric", 300),
    unit: text("Unit", 120),
    direction: DirectionSchema,
    baseline: z.object(
      {
        value: value("Baseline value"),
        date: isoDate("Baseline date"),
        source: text("Baseline source", 500),
      },
      { error: "Baseline must have a value, a date and a source" },
    ),
    target: z.object(
      { value: value("Target value"), date: isoDate("Target date") },
      { error: "Target must have a value and a date" },
    ),
    trajectory: z
      .array(
        z.object(
          { date: isoDate("Trajectory date"), value: value("Trajectory value") },
          { error: "Each trajectory point must have a date and a value" },
        ),
        { error: "Trajectory must be a list of dated values" },
      )
      .max(200, "Trajectory can have at most 200 points"),
    actuals: z
      .array(
        z.object(
          {
            period: PeriodSchema,
            value: value("Actual value"),
            recordedAt: isoDateTime("Recorded at").optional(),
          },
          { error: "Each actual must have a period and a value" },
        ),
        { error: "Actuals must be a list of period values" },
      )
      .max(400, "Actuals can have at most 400 entries"),
    confidence: ConfidenceSchema,
    status: BenefitStatusSchema,
    enablingFunctionalities: z
      .array(FunctionalityCodeSchema, {
        error: "Enabling functionalities must be a list of functionality codes",
      })
      .max(50, "At most 50 enabling functionalities"),
    fullYearValueGbp: z
      .number({ error: "Full-year value must be a number" })
      .min(0, "Full-year value cannot be negative")
      .max(MAX_MONEY_GBP, "Full-year value must be at most £10,000,000,000 a year")
      .nullable(),
    attributionPct: z
      .number({ error: "Attribution must be a number between 0 and 100" })
      .min(0, "Attribution must be between 0 and 100")
      .max(100, "Attribution must be between 0 and 100"),
    doubleCountGroup: z
      .string({ error: "Double-count group must be text or empty" })
      .trim()
      .max(100, "Double-count group must be at most 100 characters")
      .nullable(),
    evidence: z
      .string({ error: "Evidence must be text or empty" })
      .max(4000, "Evidence must be at most 4000 characters")
      .nullable(),
  })
  .superRefine((line, ctx) => {
    if (line.target.date < line.baseline.date) {
      ctx.addIssue({
        code: "custom",
        path: ["target", "date"],
        message: "Target date cannot be before the baseline date",
      });
    }
    // Progress is measured from baseline towards target, so the target must lie in the stated direction.
    if (line.direction === "increase" && line.target.value <= line.baseline.value) {
      ctx.addIssue({
        code: "custom",
        path: ["target", "value"],
        message: "Target value must be above the baseline for a metric that should increase",
      });
    }
    if (line.direction === "decrease" && line.target.value >= line.baseline.value) {
      ctx.addIssue({
        code: "custom",
        path: ["target", "value"],
        message: "Target value must be below the baseline for a metric that should decrease",
      });
    }
  });
/** A benefits register line. */
export type BenefitLine = z.infer<typeof BenefitLineSchema>;
