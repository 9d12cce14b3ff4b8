import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

export interface CountRow {
  key: string | null;
  count: number;
}

/** Trusts counted by one registry column, most common first, ties by value. */
export async function organisationCounts(
  db: Kysely<DB>,
  column: "trust_type" | "region" | "epr_status" | "epr_supplier",
): Promise<CountRow[]> {
  const rows = await db
    .selectFrom("organisation")
    .select([`${column} as key`, (eb) => eb.fn.countAll<string>().as("count")])
    .groupBy(column)
    .orderBy("count", "desc")
    .orderBy(column)
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}
