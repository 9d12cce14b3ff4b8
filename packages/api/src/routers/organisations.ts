import { findOrganisation, listOrganisations, referenceLists } from "@realise/db";
import { OdsCodeSchema } from "@realise/domain";
import { IsoDateSchema, OrganisationFilterSchema } from "../contracts/organisations.js";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { access } from "@realise/domain";
import { procedure, router } from "../trpc.js";

export const organisationsRouter = router({
  /** Trusts with their current ICB, EPR and tier, filtered. */
  list: procedure(access.public)
    .input(OrganisationFilterSchema.optional())
    .query(({ ctx, input }) => listOrganisations(ctx.database.db, input ?? {})),

  /** One trust by ODS code, with its ICB membership history. */
  byOdsCode: procedure(access.public)
    .input(z.object({ odsCode: OdsCodeSchema }).strict())
    .query(async ({ ctx, input }) => {
      const organisation = await findOrganisation(ctx.database.db, input.odsCode);
      if (!organisation) {
        throw new TRPCError({ code: "NOT_FOUND", message: `No trust has the ODS code ${input.odsCode}` });
      }
      return organisation;
    }),

  /** Regions, ICBs in force at a date, and EPR suppliers: the values the filters offer. */
  referenceLists: procedure(access.public)
    .input(z.object({ asOf: IsoDateSchema.optional() }).strict().optional())
    .query(({ ctx, input }) => referenceLists(ctx.database.db, input?.asOf)),
});
