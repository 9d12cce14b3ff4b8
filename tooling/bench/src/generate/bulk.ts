import type { Insertable, Kysely, Transaction } from "kysely";
import type { DB } from "@realise/db";

/** PostgreSQL takes at most 65,535 bind parameters per statement; stay well under it. */
const MAX_PARAMETERS = 30_000;

/**
 * Insert rows as multi-row INSERT statements of bounded size: one round trip per few thousand rows
 * instead of one per row, which is what makes generating millions of rows take minutes.
 */
export async function insertChunked<T extends keyof DB & string>(
  db: Kysely<DB> | Transaction<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0] as object).length || 1;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot follow a generic table name through its overloads; the row type above is the check.
    await (db as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto(table)
      .values(rows.slice(i, i + size) as Record<string, unknown>[])
      .execute();
  }
  return rows.length;
}
