import { access } from "@realise/domain";
import { passwordToolsOf } from "../auth/accounts.js";
import {
  AccountChangePasswordInput,
  AccountRequestResetInput,
  AccountResetPasswordInput,
} from "../contracts/team.js";
import { changePassword, requestPasswordReset, resetPassword } from "../services/accounts/index.js";
import { procedure, router } from "../trpc.js";

/** One's own account: forgotten and changed passwords. */
export const accountRouter = router({
  /** Email a reset link; the answer is the same whether or not an account uses the address. */
  requestPasswordReset: procedure(access.public)
    .input(AccountRequestResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.database.db, input, ctx.appUrl)),

  /** Set a new password from a reset link (single-use, 1 hour); every session of the account ends. */
  resetPassword: procedure(access.public)
    .input(AccountResetPasswordInput)
    .mutation(async ({ ctx, input }) =>
      resetPassword(ctx.database.db, input, await passwordToolsOf(ctx.auth)),
    ),

  /** Change one's password (the current one checked); the other sessions end. */
  changePassword: procedure(access.signedIn)
    .input(AccountChangePasswordInput)
    .mutation(async ({ ctx, input }) =>
      changePassword(
        ctx.database.db,
        input,
        ctx.principal,
        await passwordToolsOf(ctx.auth),
        ctx.sessionToken,
      ),
    ),
});
