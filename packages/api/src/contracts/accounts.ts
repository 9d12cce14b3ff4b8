// Inputs of the accounts procedures: zod only, importable by the browser (no server code).
import { OdsCodeSchema, RegionSchema, ROLES } from "@realise/domain";
import { z } from "zod";

export const AccountRoleSchema = z.enum(ROLES, {
  error: `Role must be one of ${ROLES.join(", ")}`,
});
const AccountTrustSchema = OdsCodeSchema.nullable();

export const AccountsListInput = z
  .object({ search: z.string().trim().max(100, "Search must be at most 100 characters").optional() })
  .strict()
  .optional();

export const AccountsCreateInput = z
  .object({
    email: z
      .email({ message: "Email address must be a valid email address" })
      .max(200, "Email address must be at most 200 characters"),
    name: z.string().trim().min(1, "Name is required").max(200, "Name must be at most 200 characters"),
    role: AccountRoleSchema,
    odsCode: AccountTrustSchema,
    /** The ICB an ICB viewer oversees. */
    icbCode: z
      .string({ error: "ICB code must be text" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{3,5}$/, { message: "ICB code must be 3 to 5 letters or digits" })
      .nullable()
      .optional(),
    /** The region a region viewer oversees. */
    region: RegionSchema.nullable().optional(),
    password: z
      .string()
      .min(10, "Initial password must be at least 10 characters")
      .max(128, "Initial password must be at most 128 characters"),
  })
  .strict();

export const AccountsChangeBindingInput = z
  .object({
    userId: z.string().trim().min(1, "Account id is required").max(100),
    expected: z.object({ role: AccountRoleSchema, odsCode: AccountTrustSchema }).strict(),
    role: AccountRoleSchema,
    odsCode: AccountTrustSchema,
  })
  .strict();

export type AccountsList = z.infer<typeof AccountsListInput>;
export type AccountsCreate = z.infer<typeof AccountsCreateInput>;
export type AccountsChangeBinding = z.infer<typeof AccountsChangeBindingInput>;
