// Inputs of the registry administration procedures: zod only, importable by the browser (no server code).
import { EprStatusSchema, OdsCodeSchema } from "@realise/domain";
import { z } from "zod";

const IsoDate = (label: string) => z.iso.date({ message: `${label} must be written as YYYY-MM-DD` });
const ExpectedVersion = z
  .number({ error: "Expected version must be a number" })
  .int("Expected version must be a whole number")
  .min(0, "Expected version must be 0 or more")
  .max(1_000_000_000, "Expected version must be at most 1,000,000,000");
const Slug = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,59}$/,
      `${label} must be lower-case letters, digits and hyphens (at most 60)`,
    );
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullable()
    .transform((v) => (v ? v : null));

export const RegistryIcbMembershipInput = z
  .object({
    icbCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{3,5}$/, "ICB code must be 3 to 5 letters or digits"),
    validFrom: IsoDate("Membership start date"),
    validTo: IsoDate("Membership end date").nullable(),
  })
  .strict();

export const RegistryPeerGroupInput = z
  .object({
    id: Slug("Group id"),
    name: z
      .string()
      .trim()
      .min(1, "Group name is required")
      .max(200, "Group name must be at most 200 characters"),
    members: z.array(OdsCodeSchema).max(1000, "A group can have at most 1000 members"),
  })
  .strict();

export const RegistryAdminOrganisationInput = z.object({ odsCode: OdsCodeSchema }).strict();

export const RegistryAdminUpdateEprInput = z
  .object({
    odsCode: OdsCodeSchema,
    expectedVersion: ExpectedVersion,
    eprStatus: EprStatusSchema,
    eprSupplier: optionalText("EPR supplier", 100),
    eprProduct: optionalText("EPR product", 200),
  })
  .strict();

export const RegistryAdminAddSupplierInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Supplier name is required")
      .max(100, "Supplier name must be at most 100 characters"),
  })
  .strict();

export const RegistryAdminSetIcbMembershipsInput = z
  .object({
    odsCode: OdsCodeSchema,
    expectedVersion: ExpectedVersion,
    memberships: z.array(RegistryIcbMembershipInput).max(20, "A trust can have at most 20 ICB memberships"),
  })
  .strict();

export const RegistryAdminPeerGroupSetInput = z.object({ id: Slug("Set id") }).strict();

export const RegistryAdminSavePeerGroupSetInput = z
  .object({
    id: Slug("Set id"),
    name: z
      .string()
      .trim()
      .min(1, "Set name is required")
      .max(200, "Set name must be at most 200 characters"),
    description: z.string().trim().max(1000, "Description must be at most 1000 characters"),
    expectedVersion: ExpectedVersion,
    groups: z.array(RegistryPeerGroupInput).max(200, "A set can have at most 200 groups"),
  })
  .strict();

export const RegistryAdminDeletePeerGroupSetInput = z
  .object({ id: Slug("Set id"), expectedVersion: ExpectedVersion })
  .strict();

export type RegistryAdminUpdateEpr = z.infer<typeof RegistryAdminUpdateEprInput>;
export type RegistryAdminSetIcbMemberships = z.infer<typeof RegistryAdminSetIcbMembershipsInput>;
export type RegistryAdminSavePeerGroupSet = z.infer<typeof RegistryAdminSavePeerGroupSetInput>;
export type RegistryAdminDeletePeerGroupSet = z.infer<typeof RegistryAdminDeletePeerGroupSetInput>;
