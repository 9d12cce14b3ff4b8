import { access } from "@realise/domain";
import { CollectionsOpenInput } from "../contracts/collections.js";
import { collectionsWithPhase, openCollection } from "../services/collections/index.js";
import { procedure, router } from "../trpc.js";

export const collectionsRouter = router({
  /** Every quarter opened for returns, with its due date and phase; trusts see when theirs is due. */
  list: procedure(access.signedIn).query(({ ctx }) => collectionsWithPhase(ctx.database.db)),

  /** Open a quarter for returns (national admin). */
  open: procedure(access.nationalAdmin)
    .input(CollectionsOpenInput)
    .mutation(({ ctx, input }) => openCollection(ctx.database.db, input, ctx.principal)),
});
