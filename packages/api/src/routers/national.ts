import { access } from "@realise/domain";
import {
  ComparePeriodsInput,
  NationalHeatmapInput,
  NationalOverviewInput,
  NationalTrendsInput,
} from "../contracts/national.js";
import { nationalHeatmap, nationalOverview, nationalTrends } from "../services/national/index.js";
import { scopedFilter } from "../services/guards/oversight-scope.js";
import { comparePublishedPeriods } from "../services/snapshots/index.js";
import { procedure, router } from "../trpc.js";

export const nationalRouter = router({
  /** EPR coverage, tier distribution, by-group distributions and roadmap milestones for the filtered trusts. */
  overview: procedure(access.oversightRead, { fairUse: "view" })
    .input(NationalOverviewInput.optional())
    .query(({ ctx, input }) => nationalOverview(ctx.database.db, scopedFilter(ctx.scope, input))),

  /** Trusts × functionalities by level, as a compact row-major matrix. */
  heatmap: procedure(access.oversightRead, { fairUse: "view" })
    .input(NationalHeatmapInput.optional())
    .query(({ ctx, input }) => nationalHeatmap(ctx.database.db, scopedFilter(ctx.scope, input))),

  /** Tier distribution and EPR coverage across frozen snapshot periods, with the same filter. */
  trends: procedure(access.oversightRead, { fairUse: "view" })
    .input(NationalTrendsInput.optional())
    .query(({ ctx, input }) => nationalTrends(ctx.database.db, scopedFilter(ctx.scope, input))),

  /** Two published periods side by side: tiers in each, a from × to tier movement table, the trusts that moved. */
  comparePeriods: procedure(access.oversightRead, { fairUse: "view" })
    .input(ComparePeriodsInput)
    .query(({ ctx, input }) => comparePublishedPeriods(ctx.database.db, scopedFilter(ctx.scope, input)!)),
});
