export { createDatabase, type Database, type DatabaseOptions, type Engine } from "./connection.js";
export { migrateToLatest } from "./migrate.js";
export * from "./queries/organisations.js";
export type { DB } from "./schema.js";
export { eprStatusFrom, seedReference } from "./seed/reference.js";
