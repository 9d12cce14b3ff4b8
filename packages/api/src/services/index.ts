/**
 * The use cases of Realise. Each opens one transaction, reads what it needs through repositories inside
 * it, applies the domain's rules, writes, and writes its audit rows; refusals are AppErrors.
 */
export * from "./accounts/index.js";
export * from "./adoption/index.js";
export * from "./benefits/index.js";
export * from "./collections/index.js";
export * from "./frameworks/index.js";
export * from "./national/index.js";
export * from "./organisations/index.js";
export * from "./plans/index.js";
export * from "./registry/index.js";
export * from "./returns/index.js";
export * from "./snapshots/index.js";
export * from "./reports/index.js";
export * from "./system-clients/index.js";
export * from "./measures/index.js";
export * from "./team/index.js";
export * from "./audit/index.js";
export * from "./work/index.js";
