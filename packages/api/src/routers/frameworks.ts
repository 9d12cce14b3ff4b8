import {
  createFrameworkDraft,
  type DraftEdit,
  discardFrameworkDraft,
  editFrameworkDraft,
  frameworkDraftEffect,
  frameworkVersionDetail,
  frameworkVersionsDiff,
  listFrameworkVersions,
  publishFrameworkDraft,
  retireFrameworkVersion,
} from "@realise/db";
import {
  BenefitTypeSchema,
  CrosswalkSchema,
  FunctionalityCodeSchema,
  FunctionalitySchema,
  RoadmapMilestoneSchema,
  TierCriterionSchema,
  TierSchema,
} from "@realise/domain";
import { z } from "zod";
import { access } from "@realise/domain";
import { mapDataErrors } from "../errors.js";
import type { Context } from "../context.js";
import { procedure, requirePrincipal, router } from "../trpc.js";

const VersionSchema = z
  .number({ error: "Version must be a number" })
  .int("Version must be a whole number")
  .min(1, "Version must be at least 1");

/** Which draft, and which revision of it the editor read (stale revisions get CONFLICT). */
const draftRef = {
  version: VersionSchema,
  expectedRowVersion: z
    .number({ error: "Expected revision must be a number" })
    .int("Expected revision must be a whole number")
    .min(1, "Expected revision must be at least 1"),
};

const IsoDate = z.iso.date({ message: "Date must be written as YYYY-MM-DD" });
const Id = z.string().trim().min(1, "Id is required").max(100, "Id must be at most 100 characters");

function edit(ctx: Context, ref: { version: number; expectedRowVersion: number }, change: DraftEdit) {
  const actor = requirePrincipal(ctx);
  return mapDataErrors(() => editFrameworkDraft(ctx.database.db, actor, ref, change));
}

const draftEdit = <S extends z.ZodRawShape>(shape: S) => z.object({ ...draftRef, ...shape }).strict();

export const frameworksRouter = router({
  /** Every framework version with its status, newest first. */
  list: procedure(access.nationalRead).query(({ ctx }) => listFrameworkVersions(ctx.database.db)),

  /** One version: its document (tiers, functionalities, criteria, benefit types, milestones) and crosswalk. */
  get: procedure(access.nationalRead)
    .input(z.object({ version: VersionSchema }).strict())
    .query(({ ctx, input }) => mapDataErrors(() => frameworkVersionDetail(ctx.database.db, input.version))),

  /** Start the next version as a copy of the version in force; one draft at a time. */
  createDraft: procedure(access.nationalAdmin)
    .input(
      z
        .object({
          effectiveFrom: IsoDate.optional(),
          name: z
            .string()
            .trim()
            .min(1, "Name is required")
            .max(200, "Name must be at most 200 characters")
            .optional(),
        })
        .strict()
        .optional(),
    )
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => createFrameworkDraft(ctx.database.db, actor, input ?? {}));
    }),

  /** The draft's name and the date it takes effect. */
  updateDetails: procedure(access.nationalAdmin)
    .input(
      draftEdit({
        name: z.string().trim().min(1, "Name is required").max(200, "Name must be at most 200 characters"),
        effectiveFrom: IsoDate,
      }),
    )
    .mutation(({ ctx, input: { version, expectedRowVersion, ...rest } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "details", ...rest }),
    ),

  /** A tier's name and description. */
  updateTier: procedure(access.nationalAdmin)
    .input(draftEdit({ tier: TierSchema }))
    .mutation(({ ctx, input: { version, expectedRowVersion, tier } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "tier", tier }),
    ),

  /**
   * Replace a functionality (measures, thresholds, applicability, references). A new code renames it:
   * criteria, benefit types and the crosswalk follow.
   */
  updateFunctionality: procedure(access.nationalAdmin)
    .input(draftEdit({ code: FunctionalityCodeSchema, functionality: FunctionalitySchema }))
    .mutation(({ ctx, input: { version, expectedRowVersion, code, functionality } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "functionality", code, functionality }),
    ),

  addFunctionality: procedure(access.nationalAdmin)
    .input(draftEdit({ functionality: FunctionalitySchema }))
    .mutation(({ ctx, input: { version, expectedRowVersion, functionality } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "addFunctionality", functionality }),
    ),

  removeFunctionality: procedure(access.nationalAdmin)
    .input(draftEdit({ code: FunctionalityCodeSchema }))
    .mutation(({ ctx, input: { version, expectedRowVersion, code } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "removeFunctionality", code }),
    ),

  /** Replace a criterion (mandatory, or menu k of m) by id. */
  updateCriterion: procedure(access.nationalAdmin)
    .input(draftEdit({ id: Id, criterion: TierCriterionSchema }))
    .mutation(({ ctx, input: { version, expectedRowVersion, id, criterion } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "criterion", id, criterion }),
    ),

  addCriterion: procedure(access.nationalAdmin)
    .input(draftEdit({ criterion: TierCriterionSchema }))
    .mutation(({ ctx, input: { version, expectedRowVersion, criterion } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "addCriterion", criterion }),
    ),

  removeCriterion: procedure(access.nationalAdmin)
    .input(draftEdit({ id: Id }))
    .mutation(({ ctx, input: { version, expectedRowVersion, id } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "removeCriterion", id }),
    ),

  /** Add (code null) or replace a benefit type. */
  saveBenefitType: procedure(access.nationalAdmin)
    .input(draftEdit({ code: z.string().trim().max(10).nullable(), benefitType: BenefitTypeSchema }))
    .mutation(({ ctx, input: { version, expectedRowVersion, code, benefitType } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "benefitType", code, benefitType }),
    ),

  removeBenefitType: procedure(access.nationalAdmin)
    .input(draftEdit({ code: z.string().trim().min(1).max(10) }))
    .mutation(({ ctx, input: { version, expectedRowVersion, code } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "removeBenefitType", code }),
    ),

  /** Add (id null) or replace a roadmap milestone: target, date, share of trusts, trust types. */
  saveMilestone: procedure(access.nationalAdmin)
    .input(draftEdit({ id: Id.nullable(), milestone: RoadmapMilestoneSchema }))
    .mutation(({ ctx, input: { version, expectedRowVersion, id, milestone } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "milestone", id, milestone }),
    ),

  removeMilestone: procedure(access.nationalAdmin)
    .input(draftEdit({ id: Id }))
    .mutation(({ ctx, input: { version, expectedRowVersion, id } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "removeMilestone", id }),
    ),

  /** The crosswalk from the version in force: what happened to each old functionality code. */
  updateCrosswalk: procedure(access.nationalAdmin)
    .input(draftEdit({ crosswalk: CrosswalkSchema }))
    .mutation(({ ctx, input: { version, expectedRowVersion, crosswalk } }) =>
      edit(ctx, { version, expectedRowVersion }, { kind: "crosswalk", crosswalk }),
    ),

  /** Throw a draft away. */
  discardDraft: procedure(access.nationalAdmin)
    .input(z.object(draftRef).strict())
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => discardFrameworkDraft(ctx.database.db, actor, input));
    }),

  /** How many trusts would change tier, by trust type, if the draft were published now. */
  effect: procedure(access.nationalRead)
    .input(z.object({ version: VersionSchema }).strict())
    .query(({ ctx, input }) => mapDataErrors(() => frameworkDraftEffect(ctx.database.db, input.version))),

  /**
   * Publish the draft: retire the version in force, carry records forward by the crosswalk, recompute every
   * trust's tier. The published version never changes again.
   */
  publish: procedure(access.nationalAdmin)
    .input(z.object(draftRef).strict())
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => publishFrameworkDraft(ctx.database.db, actor, input));
    }),

  /** Retire a published version that is no longer in force. */
  retire: procedure(access.nationalAdmin)
    .input(z.object(draftRef).strict())
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => retireFrameworkVersion(ctx.database.db, actor, input));
    }),

  /** What changed between two versions, with the crosswalk between them. */
  diff: procedure(access.nationalRead)
    .input(z.object({ from: VersionSchema, to: VersionSchema }).strict())
    .query(({ ctx, input }) =>
      mapDataErrors(() => frameworkVersionsDiff(ctx.database.db, input.from, input.to)),
    ),
});
