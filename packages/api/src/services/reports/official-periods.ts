import { type DB, listSnapshots } from "@realise/db";
import { comparePeriods } from "@realise/domain";
import type { Kysely } from "kysely";

/** Published quarters, oldest first: the periods a report may be of. */
export async function publishedQuarters(db: Kysely<DB>): Promise<string[]> {
  return (await listSnapshots(db))
    .filter((s) => s.status === "published" && / Q[1-4]$/.test(s.period))
    .map((s) => s.period)
    .sort(comparePeriods);
}
