import { nationalPlans, removePlanItem, trustForecast, trustPlan, upsertPlanItem } from "@realise/db";
import { OdsCodeSchema, PlanItemSchema } from "@realise/domain";
import { z } from "zod";
import { access } from "@realise/domain";
import { mapDataErrors } from "../errors.js";
import { procedure, requirePrincipal, router } from "../trpc.js";

const { id: _id, odsCode: _odsCode, ...itemShape } = PlanItemSchema.shape;

const ItemIdSchema = z
  .string({ error: "Plan item id must be text" })
  .trim()
  .min(1, "Plan item id is required")
  .max(100, "Plan item id must be at most 100 characters");
const VersionSchema = z
  .number({ error: "Expected version must be a number" })
  .int("Expected version must be a whole number")
  .min(0, "Expected version must be 0 or more");
const trust = z.object({ odsCode: OdsCodeSchema }).strict();

export const plansRouter = router({
  /** The trust's plan items, each with the current level and whether it is reached or overdue. */
  list: procedure(access.trustRead)
    .input(trust)
    .query(({ ctx, input }) => mapDataErrors(() => trustPlan(ctx.database.db, input.odsCode))),

  /** Add a plan item (no id, expected version 0) or change one at the version read. */
  upsertItem: procedure(access.trustWrite)
    .input(
      z
        .object({
          odsCode: OdsCodeSchema,
          id: ItemIdSchema.optional(),
          expectedVersion: VersionSchema,
          ...itemShape,
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      const { odsCode, id, expectedVersion, ...fields } = input;
      return mapDataErrors(() =>
        upsertPlanItem(ctx.database.db, { odsCode, id, expectedVersion, fields }, actor),
      );
    }),

  /** Remove a plan item at the version read. */
  removeItem: procedure(access.trustWrite)
    .input(z.object({ odsCode: OdsCodeSchema, id: ItemIdSchema, expectedVersion: VersionSchema }).strict())
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => removePlanItem(ctx.database.db, input, actor));
    }),

  /** When the plan makes the trust reach each tier, and where it stands against each roadmap milestone. */
  forecast: procedure(access.trustRead)
    .input(trust)
    .query(({ ctx, input }) => mapDataErrors(() => trustForecast(ctx.database.db, input.odsCode))),

  /** Plans against the roadmap nationally, by region and by ICB, with the trusts at risk. */
  national: procedure(access.nationalRead)
    .input(z.object({}).strict().optional())
    .query(({ ctx }) => nationalPlans(ctx.database.db)),
});
