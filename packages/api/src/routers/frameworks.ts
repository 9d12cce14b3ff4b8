import { access, type DraftEdit, type Principal } from "@realise/domain";
import type { Context } from "../context.js";
import {
  FrameworksAddCriterionInput,
  FrameworksAddFunctionalityInput,
  FrameworksCreateDraftInput,
  FrameworksDiffInput,
  FrameworksDiscardDraftInput,
  FrameworksEffectInput,
  FrameworksGetInput,
  FrameworksPublishInput,
  FrameworksRemoveBenefitTypeInput,
  FrameworksRemoveCriterionInput,
  FrameworksRemoveFunctionalityInput,
  FrameworksRemoveMilestoneInput,
  FrameworksRetireInput,
  FrameworksSaveBenefitTypeInput,
  FrameworksSaveMilestoneInput,
  FrameworksUpdateCriterionInput,
  FrameworksUpdateCrosswalkInput,
  FrameworksUpdateDetailsInput,
  FrameworksUpdateFunctionalityInput,
  FrameworksUpdateTierInput,
} from "../contracts/frameworks.js";
import {
  createFrameworkDraft,
  discardFrameworkDraft,
  editFrameworkDraft,
  frameworkDraftEffect,
  frameworkVersionDetail,
  frameworkVersionsDiff,
  listFrameworkVersions,
  publishFrameworkDraft,
  retireFrameworkVersion,
} from "../services/frameworks/index.js";
import { procedure, router } from "../trpc.js";

/** Every draft edit is the same use case: the procedure names which kind of change it is. */
const edit =
  <I extends { version: number; expectedRowVersion: number }>(toEdit: (input: I) => DraftEdit) =>
  ({ ctx, input }: { ctx: Context & { principal: Principal }; input: I }) =>
    editFrameworkDraft(
      ctx.database.db,
      { version: input.version, expectedRowVersion: input.expectedRowVersion, edit: toEdit(input) },
      ctx.principal,
    );

export const frameworksRouter = router({
  /** Every framework version with its status, newest first. */
  list: procedure(access.nationalRead).query(({ ctx }) => listFrameworkVersions(ctx.database.db)),

  /** One version: its document (tiers, functionalities, criteria, benefit types, milestones) and crosswalk. */
  get: procedure(access.nationalRead)
    .input(FrameworksGetInput)
    .query(({ ctx, input }) => frameworkVersionDetail(ctx.database.db, input)),

  /** Start the next version as a copy of the version in force; one draft at a time. */
  createDraft: procedure(access.nationalAdmin)
    .input(FrameworksCreateDraftInput)
    .mutation(({ ctx, input }) => createFrameworkDraft(ctx.database.db, input, ctx.principal)),

  /** The draft's name and the date it takes effect. */
  updateDetails: procedure(access.nationalAdmin)
    .input(FrameworksUpdateDetailsInput)
    .mutation(edit(({ name, effectiveFrom }) => ({ kind: "details", name, effectiveFrom }))),

  /** A tier's name and description. */
  updateTier: procedure(access.nationalAdmin)
    .input(FrameworksUpdateTierInput)
    .mutation(edit(({ tier }) => ({ kind: "tier", tier }))),

  /**
   * Replace a functionality (measures, thresholds, applicability, references). A new code renames it:
   * criteria, benefit types and the crosswalk follow.
   */
  updateFunctionality: procedure(access.nationalAdmin)
    .input(FrameworksUpdateFunctionalityInput)
    .mutation(edit(({ code, functionality }) => ({ kind: "functionality", code, functionality }))),

  addFunctionality: procedure(access.nationalAdmin)
    .input(FrameworksAddFunctionalityInput)
    .mutation(edit(({ functionality }) => ({ kind: "addFunctionality", functionality }))),

  removeFunctionality: procedure(access.nationalAdmin)
    .input(FrameworksRemoveFunctionalityInput)
    .mutation(edit(({ code }) => ({ kind: "removeFunctionality", code }))),

  /** Replace a criterion (mandatory, or menu k of m) by id. */
  updateCriterion: procedure(access.nationalAdmin)
    .input(FrameworksUpdateCriterionInput)
    .mutation(edit(({ id, criterion }) => ({ kind: "criterion", id, criterion }))),

  addCriterion: procedure(access.nationalAdmin)
    .input(FrameworksAddCriterionInput)
    .mutation(edit(({ criterion }) => ({ kind: "addCriterion", criterion }))),

  removeCriterion: procedure(access.nationalAdmin)
    .input(FrameworksRemoveCriterionInput)
    .mutation(edit(({ id }) => ({ kind: "removeCriterion", id }))),

  /** Add (code null) or replace a benefit type. */
  saveBenefitType: procedure(access.nationalAdmin)
    .input(FrameworksSaveBenefitTypeInput)
    .mutation(edit(({ code, benefitType }) => ({ kind: "benefitType", code, benefitType }))),

  removeBenefitType: procedure(access.nationalAdmin)
    .input(FrameworksRemoveBenefitTypeInput)
    .mutation(edit(({ code }) => ({ kind: "removeBenefitType", code }))),

  /** Add (id null) or replace a roadmap milestone: target, date, share of trusts, trust types. */
  saveMilestone: procedure(access.nationalAdmin)
    .input(FrameworksSaveMilestoneInput)
    .mutation(edit(({ id, milestone }) => ({ kind: "milestone", id, milestone }))),

  removeMilestone: procedure(access.nationalAdmin)
    .input(FrameworksRemoveMilestoneInput)
    .mutation(edit(({ id }) => ({ kind: "removeMilestone", id }))),

  /** The crosswalk from the version in force: what happened to each old functionality code. */
  updateCrosswalk: procedure(access.nationalAdmin)
    .input(FrameworksUpdateCrosswalkInput)
    .mutation(edit(({ crosswalk }) => ({ kind: "crosswalk", crosswalk }))),

  /** Throw a draft away. */
  discardDraft: procedure(access.nationalAdmin)
    .input(FrameworksDiscardDraftInput)
    .mutation(({ ctx, input }) => discardFrameworkDraft(ctx.database.db, input, ctx.principal)),

  /** How many trusts would change tier, by trust type, if the draft were published now. */
  effect: procedure(access.nationalRead, { fairUse: "view" })
    .input(FrameworksEffectInput)
    .query(({ ctx, input }) => frameworkDraftEffect(ctx.database.db, input)),

  /**
   * Publish the draft: retire the version in force, carry records forward by the crosswalk, recompute every
   * trust's tier. The published version never changes again.
   */
  publish: procedure(access.nationalAdmin)
    .input(FrameworksPublishInput)
    .mutation(({ ctx, input }) => publishFrameworkDraft(ctx.database.db, input, ctx.principal)),

  /** Retire a published version that is no longer in force. */
  retire: procedure(access.nationalAdmin)
    .input(FrameworksRetireInput)
    .mutation(({ ctx, input }) => retireFrameworkVersion(ctx.database.db, input, ctx.principal)),

  /** What changed between two versions, with the crosswalk between them. */
  diff: procedure(access.nationalRead)
    .input(FrameworksDiffInput)
    .query(({ ctx, input }) => frameworkVersionsDiff(ctx.database.db, input)),
});
