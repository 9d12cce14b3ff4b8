export { searchAuditLog } from "./search.js";
export type { AuditLogEntry, AuditLogPage } from "./search.js";
