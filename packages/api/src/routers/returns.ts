import {
  compareReturn,
  decideReturn,
  returnDetail,
  returnPeriods,
  returnQueue,
  returnsFor,
  submitReturn,
} from "@realise/db";
import { OdsCodeSchema, PeriodSchema } from "@realise/domain";
import { z } from "zod";
import { access } from "@realise/domain";
import { mapDataErrors } from "../errors.js";
import { procedure, requirePrincipal, router } from "../trpc.js";

const ReturnKey = { odsCode: OdsCodeSchema, period: PeriodSchema };
const Comment = z.string().trim().max(4000, { message: "Comment must be at most 4000 characters" });

const OptionalDecision = z
  .object({ ...ReturnKey, comment: Comment.optional(), expectedVersion: z.number().int().min(1).optional() })
  .strict();
const RequiredComment = z
  .object({
    ...ReturnKey,
    comment: Comment.min(1, { message: "Comment is required: tell the trust what to change" }),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict();

/** The national team's decisions on a return share one shape: a state change with an optional comment. */
function decision(
  kind: "accept" | "sendBack" | "unlock",
  schema: typeof OptionalDecision | typeof RequiredComment,
) {
  return procedure(access.nationalAdmin)
    .input(schema)
    .mutation(({ ctx, input }) =>
      mapDataErrors(() =>
        decideReturn(
          ctx.database.db,
          { ...input, decision: kind, comment: input.comment || null },
          requirePrincipal(ctx),
        ),
      ),
    );
}

export const returnsRouter = router({
  /** The trust's returns and their states. */
  forOrganisation: procedure(access.trustRead)
    .input(z.object({ odsCode: OdsCodeSchema }).strict())
    .query(({ ctx, input }) => returnsFor(ctx.database.db, input.odsCode)),

  /** The approver submits the trust's return for a period; its records are then locked. */
  submit: procedure(access.trustSubmit)
    .input(z.object(ReturnKey).strict())
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => submitReturn(ctx.database.db, input.odsCode, input.period, actor));
    }),

  /** Returns awaiting validation. */
  queue: procedure(access.nationalRead)
    .input(
      z
        .object({
          period: PeriodSchema.optional(),
          status: z.enum(["submitted", "accepted", "returned", "unlocked"]).optional(),
        })
        .strict()
        .optional(),
    )
    .query(({ ctx, input }) => returnQueue(ctx.database.db, input ?? {})),

  /** Periods with returns, and how many are in each state. */
  periods: procedure(access.nationalRead).query(({ ctx }) => returnPeriods(ctx.database.db)),

  /** A return beside the previous period's values, large changes flagged, with its audit trail. */
  compare: procedure(access.trustRead)
    .input(z.object(ReturnKey).strict())
    .query(({ ctx, input }) =>
      mapDataErrors(() => compareReturn(ctx.database.db, input.odsCode, input.period)),
    ),

  /** One return with its frozen values. */
  detail: procedure(access.trustRead)
    .input(z.object(ReturnKey).strict())
    .query(({ ctx, input }) =>
      mapDataErrors(() => returnDetail(ctx.database.db, input.odsCode, input.period)),
    ),

  /** Accept a submitted return: its values become validated. */
  accept: decision("accept", OptionalDecision),

  /** Send a return back to the trust with a comment; the trust can edit again. */
  sendBack: decision("sendBack", RequiredComment),

  /** Reopen an accepted or submitted return for editing. */
  unlock: decision("unlock", OptionalDecision),
});
