export { ROLES, type Role, type Principal, type Access, decide } from "@realise/domain";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./router.js";

export type { AppRouter } from "./router.js";
/** Every procedure's input, as the browser sends it: `RouterInputs["adoption"]["update"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Every procedure's answer, as the browser receives it: `RouterOutputs["adoption"]["forOrganisation"]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { appRouter } from "./router.js";
export { createCaller } from "./caller.js";
export type { Context } from "./context.js";
export { createAuth, migrateAuth, type Auth } from "./auth/auth.js";
export { type AccountBinding, createAccount } from "./auth/accounts.js";
