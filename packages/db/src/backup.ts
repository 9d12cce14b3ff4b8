import { createHash } from "node:crypto";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "./schema.js";

/**
 * Backup and restore as plain JSON, driven by the catalogue rather than a list of tables, so tables added
 * by later migrations are carried without touching this file. Rows go through PostgreSQL's own JSON
 * conversion both ways (to_jsonb / jsonb_populate_recordset), so every type round-trips exactly.
 */

/** Never exported: migration bookkeeping belongs to the target, sessions and one-time tokens are ephemeral. */
// The mail outbox is transient: restoring a backup must not send old messages again.
export const NOT_BACKED_UP = [
  "kysely_migration",
  "kysely_migration_lock",
  "session",
  "verification",
  "mail_outbox",
  // Bearer tokens live an hour; a restored server issues new ones.
  "system_token",
  // Password reset links live an hour; a restored server's users ask for a new one.
  "password_reset",
  // The audit chain's head is derived from the restored audit rows.
  "audit_chain_head",
  // Request counts of the current minute; a restored server starts every client afresh.
  "rate_limit",
  // Answers rebuilt from the restored snapshots on the first request.
  "snapshot_answer",
  // Counters of changes; a restore raises them itself.
  "data_version",
  "auth_version",
];

/** Criteria every trust's data refers to without a foreign key; a trust's export carries them. */
const SHARED_WITH_TRUST_EXPORTS = ["framework_version"];

export interface BackupFile {
  format: "realise-backup";
  formatVersion: 1;
  scope: { kind: "national" } | { kind: "trust"; odsCode: string };
  exportedAt: string;
  /** Rows per table, in an order that satisfies foreign keys on import. */
  tables: Record<string, Record<string, unknown>[]>;
}

interface ForeignKey {
  child: string;
  parent: string;
  childCols: string[];
  parentCols: string[];
}

interface Catalogue {
  tables: string[];
  columns: Map<string, string[]>;
  foreignKeys: ForeignKey[];
}

type Db = Kysely<DB> | Kysely<unknown>;
// The catalogue queries are untyped; one cast keeps the rest of the file honest.
const raw = (db: Db) => db as Kysely<unknown>;

async function readCatalogue(db: Db): Promise<Catalogue> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') order by c.relname`.execute(raw(db));
  const columns = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(raw(db));
  const fks = await sql<{ child: string; parent: string; child_cols: string[]; parent_cols: string[] }>`
    select cl.relname as child, pl.relname as parent,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i)::text[] as child_cols,
      array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i)::text[] as parent_cols
    from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_class pl on pl.oid = con.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where con.contype = 'f' and n.nspname = current_schema()
    order by con.conname`.execute(raw(db));
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns.rows) {
    const list = byTable.get(table) ?? [];
    list.push(column);
    byTable.set(table, list);
  }
  const names = tables.rows.map((t) => t.name).filter((t) => !NOT_BACKED_UP.includes(t));
  return {
    tables: names,
    columns: byTable,
    foreignKeys: fks.rows
      .filter((f) => names.includes(f.child) && names.includes(f.parent))
      .map((f) => ({ child: f.child, parent: f.parent, childCols: f.child_cols, parentCols: f.parent_cols })),
  };
}

/** Parents before children (self references are fine: each table goes in one statement per chunk). */
function insertOrder(catalogue: Catalogue): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (done.has(table) || path.has(table)) return;
    path.add(table);
    for (const fk of catalogue.foreignKeys)
      if (fk.child === table && fk.parent !== table) visit(fk.parent, path);
    path.delete(table);
    done.add(table);
    order.push(table);
  };
  for (const t of catalogue.tables) visit(t, new Set());
  return order;
}

type Predicate = (alias: string) => RawBuilder<unknown>;

const cols = (alias: string, names: string[]) =>
  sql.join(
    names.map((c) => sql.ref(`${alias}.${c}`)),
    sql`, `,
  );

/**
 * Which rows of each table belong to a trust's export: rows with its ods_code; rows of tables without
 * one that hang off those rows; and every row those rows refer to (region, ICB, supplier…), transitively.
 */
function trustPredicates(catalogue: Catalogue, odsCode: string): Map<string, Predicate | "all"> {
  const hasOds = (t: string) => catalogue.columns.get(t)?.includes("ods_code") ?? false;
  const owned = new Map<string, Predicate>();
  for (const t of catalogue.tables)
    if (hasOds(t)) owned.set(t, (a) => sql`${sql.ref(`${a}.ods_code`)} = ${odsCode}`);
  let depth = 0;
  const alias = () => `b${++depth}`;
  for (let grew = true; grew; ) {
    grew = false;
    for (const fk of catalogue.foreignKeys) {
      const parent = owned.get(fk.parent);
      if (!parent || owned.has(fk.child) || fk.child === fk.parent) continue;
      owned.set(fk.child, (a) => {
        const p = alias();
        return sql`exists (select 1 from ${sql.table(fk.parent)} as ${sql.id(p)} where (${cols(p, fk.parentCols)}) = (${cols(a, fk.childCols)}) and ${parent(p)})`;
      });
      grew = true;
    }
  }
  const result = new Map<string, Predicate | "all">(owned);
  const referenced = (table: string, seen: Set<string>): Predicate | null => {
    const own = result.get(table);
    if (own === "all") return null;
    if (own) return own;
    if (seen.has(table)) return null;
    const parts: Predicate[] = [];
    for (const fk of catalogue.foreignKeys) {
      if (fk.parent !== table || fk.child === table) continue;
      const child = referenced(fk.child, new Set([...seen, table]));
      if (!child) continue;
      parts.push((a) => {
        const c = alias();
        return sql`exists (select 1 from ${sql.table(fk.child)} as ${sql.id(c)} where (${cols(c, fk.childCols)}) = (${cols(a, fk.parentCols)}) and ${child(c)})`;
      });
    }
    if (parts.length === 0) return null;
    return (a) =>
      sql`(${sql.join(
        parts.map((p) => p(a)),
        sql` or `,
      )})`;
  };
  for (const t of catalogue.tables) {
    if (SHARED_WITH_TRUST_EXPORTS.includes(t)) {
      result.set(t, "all");
      continue;
    }
    if (result.has(t)) continue;
    const p = referenced(t, new Set());
    if (p) result.set(t, p);
  }
  return result;
}

/** Export the whole national data, or one trust's data with what it refers to. */
export async function exportData(db: Db, options: { odsCode?: string } = {}): Promise<BackupFile> {
  return raw(db)
    .transaction()
    .execute(async (trx) => {
      // One consistent snapshot, with timestamps written the same way whatever the server's time zone.
      await sql`set transaction isolation level repeatable read`.execute(trx);
      await sql`set local timezone = 'UTC'`.execute(trx);
      const catalogue = await readCatalogue(trx);
      const predicates = options.odsCode ? trustPredicates(catalogue, options.odsCode) : null;
      const tables: BackupFile["tables"] = {};
      for (const table of insertOrder(catalogue)) {
        const predicate = predicates ? predicates.get(table) : "all";
        if (!predicate) continue;
        const where = predicate === "all" ? sql`` : sql`where ${predicate("t")}`;
        const rows = await sql<{ row: Record<string, unknown> }>`
          select to_jsonb(t) as row from ${sql.table(table)} as t ${where}
          order by to_jsonb(t)::text collate "C"`.execute(trx);
        tables[table] = rows.rows.map((r) => r.row);
      }
      return {
        format: "realise-backup" as const,
        formatVersion: 1 as const,
        scope: options.odsCode
          ? { kind: "trust" as const, odsCode: options.odsCode }
          : { kind: "national" as const },
        exportedAt: new Date().toISOString(),
        tables,
      };
    });
}

/**
 * Load an export into an empty, migrated database, in one transaction: all of it or none of it.
 * Refuses a database that already holds data, and tables the target does not have.
 */
export async function importData(db: Db, backup: BackupFile): Promise<{ tables: number; rows: number }> {
  if (backup?.format !== "realise-backup" || backup.formatVersion !== 1) {
    throw new Error("Not a Realise backup file (format realise-backup, version 1)");
  }
  return raw(db)
    .transaction()
    .execute(async (trx) => {
      await sql`set local timezone = 'UTC'`.execute(trx);
      const catalogue = await readCatalogue(trx);
      const missing = Object.keys(backup.tables).filter((t) => !catalogue.tables.includes(t));
      if (missing.length > 0) {
        throw new Error(
          `The target database has no table ${missing.join(", ")}: migrate it (start the server once) first`,
        );
      }
      for (const table of catalogue.tables) {
        const found = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} limit 1`.execute(
          trx,
        );
        if (found.rows.length > 0) throw new Error(`The target database is not empty: ${table} has rows`);
      }
      let rows = 0;
      // Audit rows arrive already chained: the chain trigger keeps their hashes, the head is set after.
      await sql`select set_config('realise.restoring', 'on', true)`.execute(trx);
      // A published snapshot refuses new rows, so snapshots are restored as previews, filled, then given
      // back their published state (the one change the database allows a preview).
      const published: Record<string, unknown>[] = [];
      for (const table of insertOrder(catalogue)) {
        let data = backup.tables[table];
        if (!data || data.length === 0) continue;
        if (table === "snapshot") {
          published.push(...data.filter((r) => r.status === "published"));
          data = data.map((r) => (r.status === "published" ? { ...r, status: "preview" } : r));
        }
        const names = catalogue.columns.get(table) ?? [];
        const list = sql.join(names.map((c) => sql.ref(c)));
        for (let i = 0; i < data.length; i += 2_000) {
          const chunk = JSON.stringify(data.slice(i, i + 2_000));
          await sql`insert into ${sql.table(table)} (${list})
            select ${list} from jsonb_populate_recordset(null::${sql.table(table)}, ${chunk}::jsonb)`.execute(
            trx,
          );
        }
        rows += data.length;
        // Serial columns continue after the restored rows.
        const serials = await sql<{ column: string; seq: string }>`
          select a.attname as column, pg_get_serial_sequence(quote_ident(${table}), a.attname) as seq
          from pg_attribute a where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped`.execute(
          trx,
        );
        for (const s of serials.rows.filter((r) => r.seq)) {
          await sql`select setval(${s.seq}, (select coalesce(max(${sql.ref(s.column)}), 0) + 1 from ${sql.table(table)}), false)`.execute(
            trx,
          );
        }
      }
      if (backup.tables.audit_log?.length) {
        await sql`update audit_chain_head h set seq = a.chain_seq, hash = a.row_hash
          from (select chain_seq, row_hash from audit_log order by chain_seq desc limit 1) a
          where h.id = 1`.execute(trx);
      }
      await sql`select set_config('realise.restoring', 'off', true)`.execute(trx);
      for (const snapshot of published) {
        await sql`update snapshot set status = 'published', published_at = ${snapshot.published_at as string}
          where period = ${snapshot.period as string}`.execute(trx);
      }
      return { tables: Object.keys(backup.tables).length, rows };
    });
}

/**
 * A digest of every table's content (rows in a collation-independent order), for comparing two
 * databases or one database before and after. `exclude` leaves tables out (e.g. the audit log when
 * a test expects audit rows).
 */
export async function databaseDigest(
  db: Db,
  options: { exclude?: string[] } = {},
): Promise<{ digest: string; tables: Record<string, { rows: number; md5: string }> }> {
  return raw(db)
    .transaction()
    .execute(async (trx) => {
      await sql`set transaction isolation level repeatable read`.execute(trx);
      await sql`set local timezone = 'UTC'`.execute(trx);
      const catalogue = await readCatalogue(trx);
      const tables: Record<string, { rows: number; md5: string }> = {};
      const hash = createHash("sha256");
      for (const table of catalogue.tables) {
        if (options.exclude?.includes(table)) continue;
        const r = await sql<{ rows: number; md5: string }>`
          select count(*)::int as rows,
            md5(coalesce(string_agg(to_jsonb(t)::text, E'\n' order by to_jsonb(t)::text collate "C"), '')) as md5
          from ${sql.table(table)} as t`.execute(trx);
        const row = r.rows[0]!;
        tables[table] = { rows: Number(row.rows), md5: row.md5 };
        hash.update(`${table}:${row.rows}:${row.md5}\n`);
      }
      return { digest: hash.digest("hex"), tables };
    });
}
