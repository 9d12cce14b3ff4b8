/**
 * The inputs of every procedure, one zod schema each: the procedure parses with it, and the app's form
 * validates with the same schema. Browser-safe: these files import only zod and @realise/domain.
 */
export * from "./accounts.js";
export * from "./adoption.js";
export * from "./benefits.js";
export * from "./collections.js";
export * from "./frameworks.js";
export * from "./national.js";
export * from "./organisations.js";
export * from "./plans.js";
export * from "./registry.js";
export * from "./returns.js";
export * from "./snapshots.js";
export * from "./system-clients.js";
export * from "./team.js";
export * from "./audit.js";
export * from "./work.js";
export * from "./security.js";
