// Inputs of the adoption procedures: zod only, importable by the browser (no server code).
import { AdoptionInputSchema, OdsCodeSchema } from "@realise/domain";
import { z } from "zod";

const FunctionalityCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{1,20}$/, { message: "Functionality code must be 1 to 20 letters, digits, - or _" });

export const AdoptionForOrganisationInput = z.object({ odsCode: OdsCodeSchema }).strict();

/** One functionality's measures, with the version the editor read (0 for a record not yet made). */
export const AdoptionUpdateInput = z
  .object({
    odsCode: OdsCodeSchema,
    functionalityCode: FunctionalityCode,
    expectedVersion: z
      .number()
      .int()
      .min(0, { message: "Expected version must be 0 or more" })
      .max(1_000_000_000),
    values: AdoptionInputSchema,
  })
  .strict();
export type AdoptionUpdateInput = z.infer<typeof AdoptionUpdateInput>;

export const AdoptionConfirmTierInput = z
  .object({ odsCode: OdsCodeSchema, tier: z.number().int().min(1).max(10) })
  .strict();
export type AdoptionConfirmTierInput = z.infer<typeof AdoptionConfirmTierInput>;

export const AdoptionHistoryInput = z
  .object({ odsCode: OdsCodeSchema, functionalityCode: FunctionalityCode })
  .strict();

export const AdoptionRecentChangesInput = z
  .object({ odsCode: OdsCodeSchema, limit: z.number().int().min(1).max(200).optional() })
  .strict();

export const AdoptionOfficialTrendInput = z.object({ odsCode: OdsCodeSchema }).strict();
