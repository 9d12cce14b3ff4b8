import { access } from "@realise/domain";
import { CollectionsOpenInput, CollectionsStatusInput } from "../contracts/collections.js";
import {
  collectionsWithPhase,
  collectionTrustStates,
  openCollection,
} from "../services/collections/index.js";
import { procedure, router } from "../trpc.js";

export const collectionsRouter = router({
  /** Every quarter opened for returns, with its due date and phase; trusts see when theirs is due. */
  list: procedure(access.signedIn).query(({ ctx }) => collectionsWithPhase(ctx.database.db)),

  /** Every trust's state in a period's collection, with counts: who to chase (national team). */
  status: procedure(access.oversightRead)
    .input(CollectionsStatusInput)
    .query(({ ctx, input }) => collectionTrustStates(ctx.database.db, input, ctx.scope)),

  /** Open a quarter for returns (national admin). */
  open: procedure(access.nationalAdmin)
    .input(CollectionsOpenInput)
    .mutation(({ ctx, input }) => openCollection(ctx.database.db, input, ctx.principal)),
});
