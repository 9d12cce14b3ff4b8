export {
  createDatabase,
  type Database,
  type DatabaseOptions,
  type Engine,
  PGLITE_TEMPLATE,
} from "./connection.js";
export { migrateToLatest } from "./migrate.js";
export * from "./repositories/organisations.js";
export type { DB, ReturnStatus, SnapshotStatus } from "./schema.js";
export { eprStatusFrom, seedReference } from "./seed/reference.js";
export { insertFrameworkVersion } from "./seed/framework.js";
export { demoRecordsFor, seedDemoAdoption, tierRowFor } from "./seed/demo-adoption.js";
export { seedIfEmpty, type SeedResult } from "./seed/index.js";
export { hashString, seededRandom } from "./seed/random.js";
export * from "./repositories/adoption-records.js";
export * from "./repositories/adoption-levels.js";
export * from "./repositories/benefit-lines.js";
export * from "./repositories/plan-items.js";
export * from "./repositories/adoption-edits.js";
export * from "./repositories/audit.js";
export * from "./repositories/frameworks.js";
export * from "./repositories/returns.js";
export * from "./repositories/national.js";
export * from "./repositories/snapshots.js";
export * from "./repositories/peers.js";
export * from "./repositories/registry-summary.js";
export { type BackupFile, databaseDigest, exportData, importData, NOT_BACKED_UP } from "./backup.js";
export * from "./repositories/framework-versions.js";
export * from "./repositories/framework-carry-forward.js";
export * from "./repositories/registry.js";
export * from "./repositories/peer-groups.js";
export * from "./repositories/accounts.js";
export * from "./repositories/mail-outbox.js";
export * from "./repositories/collections.js";
export * from "./repositories/submissions.js";
export * from "./repositories/official-snapshots.js";
export * from "./repositories/report-snapshots.js";
export * from "./repositories/snapshot-compare.js";
export { backdateTrustChanges } from "./seed/backdate.js";
export * from "./repositories/system-clients.js";
export * from "./repositories/team.js";
export * from "./repositories/audit-search.js";
export * from "./repositories/record-sources.js";
export * from "./repositories/work.js";
export * from "./repositories/official-trend.js";
export * from "./repositories/oversight.js";
export * from "./repositories/sign-in-throttle.js";
export * from "./repositories/rate-limit.js";
export * from "./repositories/snapshot-answers.js";
export * from "./repositories/data-version.js";
export * from "./repositories/audit-chain.js";
export { currentRole, grantRuntimeRole } from "./roles.js";
