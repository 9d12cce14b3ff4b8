import { currentFramework, type DB, snapshotTrendRows, type TrendPoint } from "@realise/db";
import { comparePeriods } from "@realise/domain";
import type { Kysely } from "kysely";
import type { NationalTrendsInput } from "../../contracts/national.js";
import { versioned } from "../versioned.js";

/**
 * The frozen snapshots, oldest first, with the same filter applied to each period's frozen trust rows.
 * `publishedOnly` (for public views) leaves out previews.
 */
export async function nationalTrends(
  db: Kysely<DB>,
  input: NationalTrendsInput & { publishedOnly?: boolean } = {},
): Promise<TrendPoint[]> {
  return versioned(db, `national.trends|${JSON.stringify(input)}`, async () => {
    const framework = await currentFramework(db);
    const rows = await snapshotTrendRows(db, input, framework.tiers.length);
    return rows.sort((a, b) => comparePeriods(a.period, b.period));
  });
}
