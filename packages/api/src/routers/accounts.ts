import { auditAccountCreated, changeAccountBinding, checkNewAccount, listAccounts } from "@realise/db";
import { OdsCodeSchema } from "@realise/domain";
import { z } from "zod";
import { ROLES } from "@realise/domain";
import { access } from "@realise/domain";
import { mapDataErrors } from "../errors.js";
import { createAccount } from "../auth/accounts.js";
import { procedure, requirePrincipal, router } from "../trpc.js";

const RoleSchema = z.enum(ROLES, {
  error: "Role must be one of trust_viewer, trust_editor, trust_approver, national_admin, national_analyst",
});
const TrustSchema = OdsCodeSchema.nullable();

export const accountsRouter = router({
  /** Every account with its role and trust. */
  list: procedure(access.nationalAdmin)
    .input(
      z
        .object({ search: z.string().trim().max(100, "Search must be at most 100 characters").optional() })
        .strict()
        .optional(),
    )
    .query(({ ctx, input }) => listAccounts(ctx.database.db, input ?? {})),

  /** Create an account with an initial password, bound to a role (and a trust for trust roles). */
  create: procedure(access.nationalAdmin)
    .input(
      z
        .object({
          email: z
            .email({ message: "Email address must be a valid email address" })
            .max(200, "Email address must be at most 200 characters"),
          name: z.string().trim().min(1, "Name is required").max(200, "Name must be at most 200 characters"),
          role: RoleSchema,
          odsCode: TrustSchema,
          password: z
            .string()
            .min(10, "Initial password must be at least 10 characters")
            .max(128, "Initial password must be at most 128 characters"),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(async () => {
        const db = ctx.database.db;
        const email = input.email.toLowerCase();
        await checkNewAccount(db, { email, role: input.role, odsCode: input.odsCode });
        const userId = await createAccount(ctx.database, ctx.auth, { ...input, email });
        await auditAccountCreated(db, actor, {
          userId,
          email,
          name: input.name,
          role: input.role,
          odsCode: input.odsCode,
        });
        return { userId, email };
      });
    }),

  /** Change an account's role and trust; refused when someone changed it meanwhile. */
  changeBinding: procedure(access.nationalAdmin)
    .input(
      z
        .object({
          userId: z.string().trim().min(1, "Account id is required").max(100),
          expected: z.object({ role: RoleSchema, odsCode: TrustSchema }).strict(),
          role: RoleSchema,
          odsCode: TrustSchema,
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const actor = requirePrincipal(ctx);
      return mapDataErrors(() => changeAccountBinding(ctx.database.db, actor, input));
    }),
});
