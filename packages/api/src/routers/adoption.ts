import { access } from "@realise/domain";
import {
  AdoptionConfirmTierInput,
  AdoptionForOrganisationInput,
  AdoptionHistoryInput,
  AdoptionOfficialTrendInput,
  AdoptionRecentChangesInput,
  AdoptionUpdateInput,
} from "../contracts/adoption.js";
import {
  adoptionForOrganisation,
  adoptionHistory,
  confirmTierUnchanged,
  officialTrend,
  recentChanges,
  updateAdoption,
} from "../services/adoption/index.js";
import { procedure, router } from "../trpc.js";

export const adoptionRouter = router({
  /** The trust's dashboard: tier, progress, what the next tier needs, every functionality, peers, lock state. */
  forOrganisation: procedure(access.trustRead)
    .input(AdoptionForOrganisationInput)
    .query(({ ctx, input }) => adoptionForOrganisation(ctx.database.db, input)),

  /** Change one functionality's measures; a stale expectedVersion gets CONFLICT with what changed. */
  update: procedure(access.trustWrite)
    .input(AdoptionUpdateInput)
    .mutation(({ ctx, input }) => updateAdoption(ctx.database.db, input, ctx.principal)),

  /** Confirm every record of a tier unchanged, in one action. */
  confirmTier: procedure(access.trustWrite)
    .input(AdoptionConfirmTierInput)
    .mutation(({ ctx, input }) => confirmTierUnchanged(ctx.database.db, input, ctx.principal)),

  /** Every change to one record: who, when, before, after. */
  history: procedure(access.trustRead)
    .input(AdoptionHistoryInput)
    .query(({ ctx, input }) => adoptionHistory(ctx.database.db, input)),

  /** Recent changes across the trust. */
  recentChanges: procedure(access.trustRead)
    .input(AdoptionRecentChangesInput)
    .query(({ ctx, input }) => recentChanges(ctx.database.db, input)),

  /** The trust's tier and key measures in every published official period, oldest first. */
  officialTrend: procedure(access.trustRead)
    .input(AdoptionOfficialTrendInput)
    .query(({ ctx, input }) => officialTrend(ctx.database.db, input)),
});
