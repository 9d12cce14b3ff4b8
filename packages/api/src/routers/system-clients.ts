import { access } from "@realise/domain";
import {
  SystemClientsCreateInput,
  SystemClientsListInput,
  SystemClientsPauseInput,
  SystemClientsRevokeInput,
} from "../contracts/system-clients.js";
import {
  createSystemClient,
  listSystemClients,
  revokeSystemClientOf,
  setSystemClientPausedOf,
} from "../services/system-clients/index.js";
import { procedure, router } from "../trpc.js";

export const systemClientsRouter = router({
  /** Register the trust's own system to send MeasureReports; the secret is shown this once. */
  create: procedure(access.trustSubmit)
    .input(SystemClientsCreateInput)
    .mutation(({ ctx, input }) => createSystemClient(ctx.database.db, input, ctx.principal)),

  /** The trust's system clients, without secrets. */
  list: procedure(access.trustRead)
    .input(SystemClientsListInput)
    .query(({ ctx, input }) => listSystemClients(ctx.database.db, input)),

  /** Stop a system client and its tokens. */
  revoke: procedure(access.trustSubmit)
    .input(SystemClientsRevokeInput)
    .mutation(({ ctx, input }) => revokeSystemClientOf(ctx.database.db, input, ctx.principal)),

  /** Pause a feed: its token requests and reports are refused until it is resumed. */
  pause: procedure(access.trustSubmit)
    .input(SystemClientsPauseInput)
    .mutation(({ ctx, input }) => setSystemClientPausedOf(ctx.database.db, input, ctx.principal, true)),

  /** Resume a paused feed. */
  resume: procedure(access.trustSubmit)
    .input(SystemClientsPauseInput)
    .mutation(({ ctx, input }) => setSystemClientPausedOf(ctx.database.db, input, ctx.principal, false)),
});
