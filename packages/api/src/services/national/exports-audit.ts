import type { DB } from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";
import { AUDIT_EXPORT_LIMIT, AuditSearchInput } from "../../contracts/audit.js";
import { searchAuditLog } from "../audit/search.js";
import type { ExportTable } from "./exports.js";

/** The national audit log (the national team's only, as `audit.search` is). */
export const AUDIT_EXPORTS = ["audit-log"] as const;
export type AuditExport = (typeof AUDIT_EXPORTS)[number];

const BATCH = 1_000;

const FILTERS = ["odsCode", "actor", "action", "from", "to"] as const;

/**
 * Every change matching the audit log's search (its filters, not its page), newest first, each before →
 * after in words as on the page, read a keyset page at a time from the same service as the page.
 */
export async function auditExport(
  db: Kysely<DB>,
  _table: AuditExport,
  query: Record<string, string>,
): Promise<ExportTable> {
  const raw: Record<string, string> = {};
  for (const key of FILTERS) if (query[key]?.trim()) raw[key] = query[key].trim();
  const parsed = AuditSearchInput.safeParse(raw);
  if (!parsed.success)
    throw AppError.invalid(
      parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    );
  const entries = [];
  let cursor: string | undefined;
  let more = false;
  do {
    const page = await searchAuditLog(db, {
      ...parsed.data,
      pageSize: Math.min(BATCH, AUDIT_EXPORT_LIMIT - entries.length),
      ...(cursor ? { cursor } : {}),
    });
    entries.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
    more = cursor !== undefined;
  } while (more && entries.length < AUDIT_EXPORT_LIMIT);
  const f = parsed.data;
  const span = f.from || f.to ? `${f.from ?? "start"}-to-${f.to ?? "today"}` : "all-dates";
  const narrowed = [f.odsCode, f.action].filter(Boolean).join("-");
  return {
    columns: ["When", "Who", "Trust", "ODS code", "Change", "Before → after"],
    rows: entries.map((e) => ({
      When: e.at,
      Who: e.actor,
      Trust: e.trust ?? "National",
      "ODS code": e.odsCode ?? "",
      Change: e.summary,
      "Before → after": e.changes.map((c) => `${c.field}: ${c.before} → ${c.after}`).join("; "),
    })),
    filename: `audit-log-${narrowed ? `${narrowed}-` : ""}${span}${more ? `-newest-${AUDIT_EXPORT_LIMIT}-only` : ""}`,
  };
}
