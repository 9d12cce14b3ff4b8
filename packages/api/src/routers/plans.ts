import { access } from "@realise/domain";
import {
  PlansForecastInput,
  PlansHistoryInput,
  PlansListInput,
  PlansNationalInput,
  PlansRemoveItemInput,
  PlansUpsertItemInput,
} from "../contracts/plans.js";
import {
  nationalPlans,
  planHistory,
  removePlanItem,
  trustForecast,
  trustPlan,
  upsertPlanItem,
} from "../services/plans/index.js";
import { procedure, router } from "../trpc.js";

export const plansRouter = router({
  /** The trust's plan items, each with the current level and whether it is reached or overdue. */
  list: procedure(access.trustRead)
    .input(PlansListInput)
    .query(({ ctx, input }) => trustPlan(ctx.database.db, input)),

  /** Add a plan item (no id, expected version 0) or change one at the version read. */
  upsertItem: procedure(access.trustWrite)
    .input(PlansUpsertItemInput)
    .mutation(({ ctx, input }) => upsertPlanItem(ctx.database.db, input, ctx.principal)),

  /** Remove a plan item at the version read. */
  removeItem: procedure(access.trustWrite)
    .input(PlansRemoveItemInput)
    .mutation(({ ctx, input }) => removePlanItem(ctx.database.db, input, ctx.principal)),

  /** When the plan makes the trust reach each tier, and where it stands against each roadmap milestone. */
  forecast: procedure(access.trustRead)
    .input(PlansForecastInput)
    .query(({ ctx, input }) => trustForecast(ctx.database.db, input)),

  /** Plans against the roadmap nationally, by region and by ICB, with the trusts at risk. */
  national: procedure(access.oversightRead, { fairUse: "view" })
    .input(PlansNationalInput)
    .query(({ ctx }) => nationalPlans(ctx.database.db, undefined, ctx.scope)),

  /** Every change to the plan's items, removed ones included, before → after in words. */
  history: procedure(access.trustRead)
    .input(PlansHistoryInput)
    .query(({ ctx, input }) => planHistory(ctx.database.db, input)),
});
