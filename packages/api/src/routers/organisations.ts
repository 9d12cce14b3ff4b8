import { findOrganisation, listOrganisations, referenceLists } from "@realise/db";
import { EprStatusSchema, OdsCodeSchema, RegionSchema, TrustTypeSchema } from "@realise/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { access } from "../access.js";
import { procedure, router } from "../trpc.js";

const IsoDateSchema = z.iso.date({ message: "Date must be written as YYYY-MM-DD" });

export const OrganisationFilterSchema = z
  .object({
    trustType: TrustTypeSchema.optional(),
    region: RegionSchema.optional(),
    icbCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{3,5}$/, { message: "ICB code must be 3 to 5 letters or digits" })
      .optional(),
    eprStatus: EprStatusSchema.optional(),
    eprSupplier: z
      .string()
      .trim()
      .min(1)
      .max(100, { message: "EPR supplier must be at most 100 characters" })
      .optional(),
    search: z.string().trim().max(100, { message: "Search text must be at most 100 characters" }).optional(),
    asOf: IsoDateSchema.optional(),
  })
  .strict();

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
