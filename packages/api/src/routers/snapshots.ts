import { access } from "@realise/domain";
import { SnapshotsDetailInput, SnapshotsFreezeInput, SnapshotsPreviewInput } from "../contracts/snapshots.js";
import {
  freezeSnapshot,
  frozenSnapshots,
  previewSnapshot,
  snapshotDetail,
} from "../services/snapshots/index.js";
import { procedure, router } from "../trpc.js";

export const snapshotsRouter = router({
  /** Every frozen snapshot, newest first. */
  list: procedure(access.nationalRead).query(({ ctx }) => frozenSnapshots(ctx.database.db)),

  /** The figures freezing the period now would publish; nothing is written. */
  preview: procedure(access.nationalRead, { fairUse: "view" })
    .input(SnapshotsPreviewInput)
    .query(({ ctx, input }) => previewSnapshot(ctx.database.db, input)),

  /** A frozen snapshot's figures. */
  detail: procedure(access.nationalRead)
    .input(SnapshotsDetailInput)
    .query(({ ctx, input }) => snapshotDetail(ctx.database.db, input)),

  /** Freeze and publish a period; a published period is refused a second time. */
  freeze: procedure(access.nationalAdmin)
    .input(SnapshotsFreezeInput)
    .mutation(({ ctx, input }) => freezeSnapshot(ctx.database.db, input, ctx.principal)),
});
