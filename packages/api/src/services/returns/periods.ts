import { type DB, returnCountsByPeriod } from "@realise/db";
import { comparePeriods } from "@realise/domain";
import type { Kysely } from "kysely";

/** Periods that have returns, newest first, with how many are in each state. */
export async function returnPeriods(db: Kysely<DB>) {
  const rows = await returnCountsByPeriod(db);
  return rows.sort((a, b) => comparePeriods(b.period, a.period));
}
