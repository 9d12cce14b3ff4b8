import { access } from "@realise/domain";
import { credentialsOf } from "../auth/accounts.js";
import { AccountsChangeBindingInput, AccountsCreateInput, AccountsListInput } from "../contracts/accounts.js";
import { AccountsRenameInput, AccountsUserInput } from "../contracts/team.js";
import {
  changeAccountBinding,
  disableAccount,
  enableAccount,
  listAccounts,
  registerAccount,
  renameAccountOf,
  sendPasswordReset,
} from "../services/accounts/index.js";
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

  /** Disable an account: its sessions end at once and sign-in is refused. */
  disable: procedure(access.nationalAdmin)
    .input(AccountsUserInput)
    .mutation(({ ctx, input }) => disableAccount(ctx.database.db, input, ctx.principal)),

  /** Re-enable a disabled account. */
  enable: procedure(access.nationalAdmin)
    .input(AccountsUserInput)
    .mutation(({ ctx, input }) => enableAccount(ctx.database.db, input, ctx.principal)),

  /** Change the name an account is shown by. */
  rename: procedure(access.nationalAdmin)
    .input(AccountsRenameInput)
    .mutation(({ ctx, input }) => renameAccountOf(ctx.database.db, input, ctx.principal)),

  /** Email the account holder a password reset link. */
  resetPassword: procedure(access.nationalAdmin)
    .input(AccountsUserInput)
    .mutation(({ ctx, input }) => sendPasswordReset(ctx.database.db, input, ctx.principal, ctx.appUrl)),
});
