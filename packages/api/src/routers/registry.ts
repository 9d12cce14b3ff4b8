import { access } from "@realise/domain";
import { registrySummary } from "../services/organisations/index.js";
import { procedure, router } from "../trpc.js";

export const registryRouter = router({
  /** Trusts by type, region, EPR status and supplier; public, like the registry it counts. */
  summary: procedure(access.public).query(({ ctx }) => registrySummary(ctx.database.db)),
});
