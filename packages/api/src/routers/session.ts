import { access } from "@realise/domain";
import { procedure, router } from "../trpc.js";

export const sessionRouter = router({
  /** Who is signed in (null when nobody): the apps decide what to show from this. */
  me: procedure(access.public).query(({ ctx }) => ctx.principal),
});
