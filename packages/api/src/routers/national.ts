import { nationalHeatmap, nationalOverview, nationalTrends } from "@realise/db";
import { EprStatusSchema, RegionSchema, TrustTypeSchema } from "@realise/domain";
import { z } from "zod";
import { access } from "@realise/domain";
import { procedure, router } from "../trpc.js";

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

export const nationalRouter = router({
  /** EPR coverage, tier distribution, by-group distributions and roadmap milestones for the filtered trusts. */
  overview: procedure(access.nationalRead)
    .input(NationalFilterSchema.optional())
    .query(({ ctx, input }) => nationalOverview(ctx.database.db, input ?? {})),

  /** Trusts × functionalities by level, as a compact row-major matrix. */
  heatmap: procedure(access.nationalRead)
    .input(
      NationalFilterSchema.extend({
        tier: z
          .number({ error: "Tier must be a number" })
          .int({ message: "Tier must be a whole number" })
          .min(1, { message: "Tier must be from 1 to 5" })
          .max(5, { message: "Tier must be from 1 to 5" })
          .optional(),
      })
        .strict()
        .optional(),
    )
    .query(({ ctx, input }) => nationalHeatmap(ctx.database.db, input ?? {})),

  /** Tier distribution and EPR coverage across frozen snapshot periods, with the same filter. */
  trends: procedure(access.nationalRead)
    .input(NationalFilterSchema.omit({ asOf: true }).strict().optional())
    .query(({ ctx, input }) => nationalTrends(ctx.database.db, input ?? {})),
});
