import { currentFramework, type DB, organisationNames, searchAudit } from "@realise/db";
import { type AuditChange, describeAuditEntry } from "@realise/domain";
import type { Kysely } from "kysely";
import type { AuditSearchInput } from "../../contracts/audit.js";

/** One change in the national audit log, in words. */
export interface AuditLogEntry {
  id: string;
  at: Date;
  actor: string;
  trust: string | null;
  odsCode: string | null;
  summary: string;
  changes: AuditChange[];
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const DEFAULT_PAGE = 50;

/**
 * Every change in the nation (or in an overseer's trusts), newest first, each before → after in words,
 * one keyset page at a time so a page never repeats or skips rows while new changes arrive.
 */
export async function searchAuditLog(
  db: Kysely<DB>,
  input: AuditSearchInput = {},
  scope?: { odsCodes: readonly string[] },
): Promise<AuditLogPage> {
  const limit = input.pageSize ?? DEFAULT_PAGE;
  const rows = await searchAudit(db, {
    odsCode: input.odsCode,
    actor: input.actor,
    actionArea: input.action,
    from: input.from,
    to: input.to,
    odsCodes: scope?.odsCodes,
    beforeId: input.cursor,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const framework = await currentFramework(db);
  const functionalities = new Map(framework.functionalities.map((f) => [f.code, f.name]));
  const trusts = await organisationNames(db, [
    ...new Set(page.flatMap((r) => (r.odsCode ? [r.odsCode] : []))),
  ]);
  const names = {
    functionality: (code: string) => functionalities.get(code),
    organisation: (odsCode: string) => trusts.get(odsCode),
  };
  return {
    entries: page.map((r) => {
      const described = describeAuditEntry(r, names);
      return {
        id: r.id,
        at: r.at,
        actor: r.actorEmail ?? "Realise (automatic)",
        trust: described.trust,
        odsCode: r.odsCode,
        summary: described.summary,
        changes: described.changes,
      };
    }),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
