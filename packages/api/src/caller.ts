import { appRouter } from "./router.js";
import { createCallerFactory } from "./trpc.js";

/** Call procedures in process with a given context (tests, scripts, the bench's floor comparison). */
export const createCaller = createCallerFactory(appRouter);
