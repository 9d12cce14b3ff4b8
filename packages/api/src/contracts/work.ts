// Inputs of the assignment and handoff procedures: zod only, importable by the browser.
import { FunctionalityCodeSchema, OdsCodeSchema, PeriodSchema } from "@realise/domain";
import { z } from "zod";

const TierSchema = z
  .number({ error: "Tier must be a number from 1 to 5" })
  .int("Tier must be a whole number from 1 to 5")
  .min(1, "Tier must be from 1 to 5")
  .max(5, "Tier must be from 1 to 5");
const IdSchema = z.string().trim().min(1).max(100);

/** Exactly one subject: a functionality, a tier, a benefit line or a plan item. */
const Subject = {
  functionalityCode: FunctionalityCodeSchema.optional(),
  tier: TierSchema.optional(),
  benefitLineId: IdSchema.optional(),
  planItemId: IdSchema.optional(),
};
const oneSubject = (v: Record<string, unknown>) =>
  ["functionalityCode", "tier", "benefitLineId", "planItemId"].filter((k) => v[k] !== undefined).length === 1;
const subjectMessage = {
  message: "Say what to assign: one of a functionality, a tier, a benefit line or a plan item",
  path: ["functionalityCode"],
};

export const AssignmentsAssignInput = z
  .object({ odsCode: OdsCodeSchema, ...Subject, assigneeUserId: IdSchema })
  .strict()
  .refine(oneSubject, subjectMessage);
export const AssignmentsUnassignInput = z
  .object({ odsCode: OdsCodeSchema, ...Subject })
  .strict()
  .refine(oneSubject, subjectMessage);
export const AssignmentsListInput = z.object({ odsCode: OdsCodeSchema }).strict();

/** Mark a tier, or the whole trust when no tier is given, ready for approval for a period. */
export const HandoffMarkInput = z
  .object({ odsCode: OdsCodeSchema, period: PeriodSchema, tier: TierSchema.optional() })
  .strict();
export const HandoffStatusInput = z.object({ odsCode: OdsCodeSchema, period: PeriodSchema }).strict();

export type AssignmentsAssign = z.infer<typeof AssignmentsAssignInput>;
export type AssignmentsUnassign = z.infer<typeof AssignmentsUnassignInput>;
export type HandoffMark = z.infer<typeof HandoffMarkInput>;
