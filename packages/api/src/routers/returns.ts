import { access, type ReturnDecision } from "@realise/domain";
import {
  ReturnsAcceptInput,
  ReturnsChecklistInput,
  ReturnsCompareInput,
  ReturnsDetailInput,
  ReturnsForOrganisationInput,
  ReturnsQueueInput,
  ReturnsSendBackInput,
  ReturnsSubmitInput,
  ReturnsUnlockInput,
  ReturnsWithdrawInput,
} from "../contracts/returns.js";
import {
  compareReturn,
  decideReturn,
  returnDetail,
  returnPeriods,
  returnQueue,
  returnsForOrganisation,
  submissionChecklistFor,
  submitReturn,
} from "../services/returns/index.js";
import { withinScope } from "../services/guards/oversight-scope.js";
import { procedure, router } from "../trpc.js";

/** The national team's decisions on a return share one shape: a state change with a comment. */
function decision(
  kind: ReturnDecision,
  schema: typeof ReturnsAcceptInput | typeof ReturnsSendBackInput | typeof ReturnsUnlockInput,
) {
  return procedure(access.nationalAdmin)
    .input(schema)
    .mutation(({ ctx, input }) =>
      decideReturn(ctx.database.db, { ...input, decision: kind }, ctx.principal, ctx.appUrl),
    );
}

export const returnsRouter = router({
  /** The trust's returns and their states. */
  forOrganisation: procedure(access.trustRead)
    .input(ReturnsForOrganisationInput)
    .query(({ ctx, input }) => returnsForOrganisation(ctx.database.db, input)),

  /** The approver submits the trust's return for a period; its records are then locked. */
  submit: procedure(access.trustSubmit)
    .input(ReturnsSubmitInput)
    .mutation(({ ctx, input }) => submitReturn(ctx.database.db, input, ctx.principal)),

  /** The approver takes back a submission the national team has not reviewed yet; records unlock. */
  withdraw: procedure(access.trustSubmit)
    .input(ReturnsWithdrawInput)
    .mutation(({ ctx, input }) =>
      decideReturn(ctx.database.db, { ...input, decision: "withdraw" }, ctx.principal),
    ),

  /** What the approver should look at before submitting: claims, evidence, reviews, actuals, plan. */
  checklist: procedure(access.trustRead)
    .input(ReturnsChecklistInput)
    .query(({ ctx, input }) => submissionChecklistFor(ctx.database.db, input)),

  /** Returns awaiting validation. */
  queue: procedure(access.oversightRead)
    .input(ReturnsQueueInput.optional())
    .query(async ({ ctx, input }) => withinScope(ctx.scope, await returnQueue(ctx.database.db, input))),

  /** Periods with returns, and how many are in each state. */
  periods: procedure(access.nationalRead).query(({ ctx }) => returnPeriods(ctx.database.db)),

  /** A return beside the previous period's values, large changes flagged, with its audit trail. */
  compare: procedure(access.trustRead)
    .input(ReturnsCompareInput)
    .query(({ ctx, input }) => compareReturn(ctx.database.db, input)),

  /** One return with its frozen values. */
  detail: procedure(access.trustRead)
    .input(ReturnsDetailInput)
    .query(({ ctx, input }) => returnDetail(ctx.database.db, input)),

  /** Accept a submitted return: its values become validated. */
  accept: decision("accept", ReturnsAcceptInput),

  /** Send a return back to the trust with a comment; the trust can edit again. */
  sendBack: decision("sendBack", ReturnsSendBackInput),

  /** Reopen an accepted or submitted return for editing, saying why. */
  unlock: decision("unlock", ReturnsUnlockInput),
});
