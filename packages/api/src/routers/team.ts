import { access } from "@realise/domain";
import { credentialsOf } from "../auth/accounts.js";
import {
  TeamAcceptInput,
  TeamChangeRoleInput,
  TeamInviteInput,
  TeamListInput,
  TeamMemberInput,
  TeamResendInput,
} from "../contracts/team.js";
import { disableAccount, enableAccount } from "../services/accounts/index.js";
import {
  acceptInvitation,
  changeTeamRole,
  inviteToTeam,
  listTeam,
  resendInvitation,
} from "../services/team/index.js";
import { procedure, router } from "../trpc.js";

export const teamRouter = router({
  /** The trust's accounts and open invitations: its staff and the national team may see it. */
  list: procedure(access.trustRead)
    .input(TeamListInput)
    .query(({ ctx, input }) => listTeam(ctx.database.db, input)),

  /** Invite a colleague by email (the trust's approver; national admins for any trust). */
  invite: procedure(access.trustTeam)
    .input(TeamInviteInput)
    .mutation(({ ctx, input }) => inviteToTeam(ctx.database.db, input, ctx.principal, ctx.appUrl)),

  /** Send an open invitation again, with a new link. */
  resend: procedure(access.trustTeam)
    .input(TeamResendInput)
    .mutation(({ ctx, input }) => resendInvitation(ctx.database.db, input, ctx.principal, ctx.appUrl)),

  /** Accept an invitation from its emailed link and set a password (public: the invitee has no account yet). */
  acceptInvitation: procedure(access.public)
    .input(TeamAcceptInput)
    .mutation(async ({ ctx, input }) =>
      acceptInvitation(ctx.database.db, input, await credentialsOf(ctx.auth)),
    ),

  /** Change a colleague's role within the trust. */
  changeRole: procedure(access.trustTeam)
    .input(TeamChangeRoleInput)
    .mutation(({ ctx, input }) => changeTeamRole(ctx.database.db, input, ctx.principal)),

  /** Disable a leaver's account: every session ends at once and sign-in is refused. */
  disable: procedure(access.trustTeam)
    .input(TeamMemberInput)
    .mutation(({ ctx, input }) => disableAccount(ctx.database.db, input, ctx.principal)),

  /** Re-enable a disabled account of the trust. */
  enable: procedure(access.trustTeam)
    .input(TeamMemberInput)
    .mutation(({ ctx, input }) => enableAccount(ctx.database.db, input, ctx.principal)),
});
