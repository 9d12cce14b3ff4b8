import { access } from "@realise/domain";
import {
  OrganisationsByOdsCodeInput,
  OrganisationsListInput,
  OrganisationsReferenceListsInput,
} from "../contracts/organisations.js";
import {
  organisationByOdsCode,
  organisationList,
  organisationReferenceLists,
} from "../services/organisations/index.js";
import { procedure, router } from "../trpc.js";

export const organisationsRouter = router({
  /** Trusts with their current ICB, EPR and official tier, filtered; live tiers only for whom may see them. */
  list: procedure(access.public, { fairUse: "view" })
    .input(OrganisationsListInput.optional())
    .query(({ ctx, input }) => organisationList(ctx.database.db, input, ctx.principal)),

  /** One trust by ODS code, with its ICB membership history. */
  byOdsCode: procedure(access.public)
    .input(OrganisationsByOdsCodeInput)
    .query(({ ctx, input }) => organisationByOdsCode(ctx.database.db, input, ctx.principal)),

  /** Regions, ICBs in force at a date, and EPR suppliers: the values the filters offer. */
  referenceLists: procedure(access.public)
    .input(OrganisationsReferenceListsInput.optional())
    .query(({ ctx, input }) => organisationReferenceLists(ctx.database.db, input)),
});
