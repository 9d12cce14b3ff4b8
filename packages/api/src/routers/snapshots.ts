import { freezeSnapshot, listSnapshots, previewSnapshot, snapshotFigures } from "@realise/db";
import { PeriodSchema } from "@realise/domain";
import { z } from "zod";
import { access } from "@realise/domain";
import { mapDataErrors } from "../errors.js";
import { procedure, requirePrincipal, router } from "../trpc.js";

const PeriodInput = z.object({ period: PeriodSchema }).strict();

export const snapshotsRouter = router({
  /** Every frozen snapshot, newest first. */
  list: procedure(access.nationalRead).query(({ ctx }) => listSnapshots(ctx.database.db)),

  /** The figures freezing the period now would publish; nothing is written. */
  preview: procedure(access.nationalRead)
    .input(PeriodInput)
    .query(({ ctx, input }) => previewSnapshot(ctx.database.db, input.period)),

  /** A frozen snapshot's figures. */
  detail: procedure(access.nationalRead)
    .input(PeriodInput)
    .query(({ ctx, input }) => mapDataErrors(() => snapshotFigures(ctx.database.db, input.period))),

  /** Freeze and publish a period; a published period is refused a second time. */
  freeze: procedure(access.nationalAdmin)
    .input(PeriodInput)
    .mutation(({ ctx, input }) =>
      mapDataErrors(() => freezeSnapshot(ctx.database.db, input.period, requirePrincipal(ctx))),
    ),
});
