// Inputs of the plans procedures: zod only, importable by the browser (no server code).
import { OdsCodeSchema, PlanItemSchema } from "@realise/domain";
import { z } from "zod";

const { id: _id, odsCode: _odsCode, ...itemShape } = PlanItemSchema.shape;

const ItemIdSchema = z
  .string({ error: "Plan item id must be text" })
  .trim()
  .min(1, "Plan item id is required")
  .max(100, "Plan item id must be at most 100 characters");
const VersionSchema = z
  .number({ error: "Expected version must be a number" })
  .int("Expected version must be a whole number")
  .min(0, "Expected version must be 0 or more")
  .max(1_000_000_000, "Expected version must be at most 1,000,000,000");
const TrustInput = z.object({ odsCode: OdsCodeSchema }).strict();

/** `plans.list`: a trust's plan. */
export const PlansListInput = TrustInput;
export type PlansListInput = z.infer<typeof PlansListInput>;

/** `plans.upsertItem`: a new item (no id, expected version 0) or a change to one at the version read. */
export const PlansUpsertItemInput = z
  .object({
    odsCode: OdsCodeSchema,
    id: ItemIdSchema.optional(),
    expectedVersion: VersionSchema,
    ...itemShape,
  })
  .strict();
export type PlansUpsertItemInput = z.infer<typeof PlansUpsertItemInput>;

/** `plans.removeItem`: an item to remove at the version read. */
export const PlansRemoveItemInput = z
  .object({ odsCode: OdsCodeSchema, id: ItemIdSchema, expectedVersion: VersionSchema })
  .strict();
export type PlansRemoveItemInput = z.infer<typeof PlansRemoveItemInput>;

/** `plans.forecast`: the trust whose tier forecast to give. */
export const PlansForecastInput = TrustInput;
export type PlansForecastInput = z.infer<typeof PlansForecastInput>;

/** `plans.national`: no input. */
export const PlansNationalInput = z.object({}).strict().optional();
export type PlansNationalInput = z.infer<typeof PlansNationalInput>;

/** `plans.history`: the trust whose plan history to give. */
export const PlansHistoryInput = TrustInput;
export type PlansHistoryInput = z.infer<typeof PlansHistoryInput>;
