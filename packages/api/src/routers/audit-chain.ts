import { access } from "@realise/domain";
import { auditChainStatus } from "../services/audit/chain-status.js";
import { procedure } from "../trpc.js";

/** The audit chain's procedures, spread into the `audit` router. */
export const auditChainProcedures = {
  /** When the audit chain was last verified (`pnpm audit:verify`) and whether every row matched. */
  chainStatus: procedure(access.nationalRead).query(({ ctx }) => auditChainStatus(ctx.database.db)),
};
