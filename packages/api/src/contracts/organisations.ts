// Inputs of the organisations procedures: zod only, importable by the browser (no server code).
import { EprStatusSchema, OdsCodeSchema, RegionSchema, TrustTypeSchema } from "@realise/domain";
import { z } from "zod";

export const IsoDateSchema = z.iso.date({ message: "Date must be written as YYYY-MM-DD" });

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

export const OrganisationsListInput = OrganisationFilterSchema;
export type OrganisationsListInput = z.infer<typeof OrganisationsListInput>;

export const OrganisationsByOdsCodeInput = z.object({ odsCode: OdsCodeSchema }).strict();

export const OrganisationsReferenceListsInput = z.object({ asOf: IsoDateSchema.optional() }).strict();
