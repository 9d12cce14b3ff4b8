import { access } from "@realise/domain";
import {
  AssignmentsAssignInput,
  AssignmentsListInput,
  AssignmentsUnassignInput,
  HandoffMarkInput,
  HandoffStatusInput,
} from "../contracts/work.js";
import {
  assignWork,
  handoffStatus,
  markReady,
  myWork,
  trustAssignments,
  unassignWork,
  unmarkReady,
} from "../services/work/index.js";
import { procedure, router } from "../trpc.js";

export const assignmentsRouter = router({
  /** Give a tier, functionality, benefit line or plan item to a colleague; they are emailed. */
  assign: procedure(access.trustWrite)
    .input(AssignmentsAssignInput)
    .mutation(({ ctx, input }) => assignWork(ctx.database.db, input, ctx.principal, ctx.appUrl)),

  /** Take an assignment back. */
  unassign: procedure(access.trustWrite)
    .input(AssignmentsUnassignInput)
    .mutation(({ ctx, input }) => unassignWork(ctx.database.db, input, ctx.principal)),

  /** Everything assigned in the trust, to whom, and whether it is reviewed this quarter. */
  list: procedure(access.trustRead)
    .input(AssignmentsListInput)
    .query(({ ctx, input }) => trustAssignments(ctx.database.db, input)),

  /** What is assigned to me, and whether each is reviewed this quarter. */
  mine: procedure(access.signedIn).query(({ ctx }) => myWork(ctx.database.db, ctx.principal)),
});

export const handoffRouter = router({
  /** Mark a tier, or the whole trust, ready for approval for a period. */
  markReady: procedure(access.trustWrite)
    .input(HandoffMarkInput)
    .mutation(({ ctx, input }) => markReady(ctx.database.db, input, ctx.principal)),

  /** Take a "ready for approval" mark back. */
  takeBack: procedure(access.trustWrite)
    .input(HandoffMarkInput)
    .mutation(({ ctx, input }) => unmarkReady(ctx.database.db, input, ctx.principal)),

  /** What is ready for approval for a period, and what is not. */
  status: procedure(access.trustRead)
    .input(HandoffStatusInput)
    .query(({ ctx, input }) => handoffStatus(ctx.database.db, input)),
});
