import { access } from "@realise/domain";
import { SecurityEventsInput } from "../contracts/security.js";
import { securityEvents } from "../services/security/recent-events.js";
import { procedure, router } from "../trpc.js";

export const securityRouter = router({
  /** Recent throttled sign-ins and accounts under attack (national admin). */
  events: procedure(access.nationalAdmin)
    .input(SecurityEventsInput)
    .query(({ ctx, input }) => securityEvents(ctx.database.db, input)),
});
