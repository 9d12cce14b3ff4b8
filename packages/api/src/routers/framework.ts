import { currentFramework } from "@realise/db";
import { access } from "@realise/domain";
import { procedure, router } from "../trpc.js";

export const frameworkRouter = router({
  /** The published national framework: tiers, functionalities, criteria, benefit types, milestones. */
  current: procedure(access.public).query(({ ctx }) => currentFramework(ctx.database.db)),
});
