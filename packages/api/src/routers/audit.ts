import { access } from "@realise/domain";
import { AuditSearchInput } from "../contracts/audit.js";
import { searchAuditLog } from "../services/audit/index.js";
import { procedure, router } from "../trpc.js";
import { auditChainProcedures } from "./audit-chain.js";

export const auditRouter = router({
  ...auditChainProcedures,
  /** Every change in the nation, newest first, before → after in words, a keyset page at a time. */
  search: procedure(access.nationalRead, { fairUse: "view" })
    .input(AuditSearchInput.optional())
    .query(({ ctx, input }) => searchAuditLog(ctx.database.db, input)),
});
