export { ROLES, type Role, type Principal, type Access, decide } from "@realise/domain";
export type { AppRouter } from "./router.js";
export { appRouter } from "./router.js";
export { createCaller } from "./caller.js";
export type { Context } from "./context.js";
export { createAuth, migrateAuth, type Auth } from "./auth/auth.js";
export { type AccountBinding, createAccount } from "./auth/accounts.js";
