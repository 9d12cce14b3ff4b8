import type { DB } from "@realise/db";
import type { Kysely } from "kysely";
import type { OversightScope } from "../guards/oversight-scope.js";
import { AUDIT_EXPORTS, auditExport } from "./exports-audit.js";
import { COLLECTION_EXPORTS, collectionExport } from "./exports-collections.js";
import { PLAN_EXPORTS, planExport } from "./exports-plans.js";
import { RECORD_EXPORTS, recordExport } from "./exports-records.js";
import { type ExportTable, NATIONAL_EXPORTS, nationalExport } from "./exports.js";

/** Every CSV download, by the name in `/exports/<name>.csv`. */
export const EXPORT_NAMES = [
  ...NATIONAL_EXPORTS,
  ...RECORD_EXPORTS,
  ...PLAN_EXPORTS,
  ...COLLECTION_EXPORTS,
  ...AUDIT_EXPORTS,
] as const;
export type ExportName = (typeof EXPORT_NAMES)[number];

/**
 * The downloads whose pages only the national team sees (their procedures are `nationalRead`); ICB and
 * region viewers get every other one, narrowed to their trusts.
 */
export const NATIONAL_ONLY_EXPORTS = ["registry", ...AUDIT_EXPORTS] as const satisfies readonly ExportName[];

export function isExportName(name: string): name is ExportName {
  return (EXPORT_NAMES as readonly string[]).includes(name);
}

const among = <T extends string>(list: readonly T[], name: string): name is T =>
  (list as readonly string[]).includes(name);

/** One download's rows, from the service behind its page, with the page's filters and the caller's scope. */
export function exportFor(
  db: Kysely<DB>,
  table: ExportName,
  query: Record<string, string>,
  scope: OversightScope | null,
): Promise<ExportTable> {
  if (among(RECORD_EXPORTS, table)) return recordExport(db, table, query, scope);
  if (among(PLAN_EXPORTS, table)) return planExport(db, table, query, scope);
  if (among(COLLECTION_EXPORTS, table)) return collectionExport(db, table, query, scope);
  if (among(AUDIT_EXPORTS, table)) return auditExport(db, table, query);
  return nationalExport(db, table, query, scope);
}
