import { adoptionRouter } from "./routers/adoption.js";
import { frameworkRouter } from "./routers/framework.js";
import { returnsRouter } from "./routers/returns.js";
import { registryRouter } from "./routers/registry.js";
import { organisationsRouter } from "./routers/organisations.js";
import { sessionRouter } from "./routers/session.js";
import { router } from "./trpc.js";

export const appRouter = router({
  adoption: adoptionRouter,
  framework: frameworkRouter,
  organisations: organisationsRouter,
  returns: returnsRouter,
  registry: registryRouter,
  session: sessionRouter,
});

/** The API's type: the apps import this (type only) and get end-to-end types. */
export type AppRouter = typeof appRouter;
