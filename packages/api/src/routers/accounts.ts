import { access } from "@realise/domain";
import { credentialsOf } from "../auth/accounts.js";
import { AccountsChangeBindingInput, AccountsCreateInput, AccountsListInput } from "../contracts/accounts.js";
import { changeAccountBinding, listAccounts, registerAccount } from "../services/accounts/index.js";
import { procedure, router } from "../trpc.js";

export const accountsRouter = router({
  /** Every account with its role and trust. */
  list: procedure(access.nationalAdmin)
    .input(AccountsListInput)
    .query(({ ctx, input }) => listAccounts(ctx.database.db, input)),

  /** Create an account with an initial password, bound to a role (and a trust for trust roles). */
  create: procedure(access.nationalAdmin)
    .input(AccountsCreateInput)
    .mutation(async ({ ctx, input }) =>
      registerAccount(ctx.database.db, input, ctx.principal, await credentialsOf(ctx.auth)),
    ),

  /** Change an account's role and trust; refused when someone changed it meanwhile. */
  changeBinding: procedure(access.nationalAdmin)
    .input(AccountsChangeBindingInput)
    .mutation(({ ctx, input }) => changeAccountBinding(ctx.database.db, input, ctx.principal)),
});
