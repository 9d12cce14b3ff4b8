import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/** A trust as a published period froze it, for comparing two periods. */
export interface PublishedTrustTier {
  odsCode: string;
  name: string;
  region: string;
  icbCode: string | null;
  attainedTier: number;
}

/**
 * The trust rows of one published period in the filter (region and ICB as that period froze them), by name.
 * A preview or a period that is not published gives no rows.
 */
export async function publishedTrustTiers(
  db: Kysely<DB>,
  period: string,
  filter: { region?: string | undefined; icbCode?: string | undefined },
): Promise<PublishedTrustTier[]> {
  let q = db
    .selectFrom("snapshot_organisation as so")
    .innerJoin("snapshot as s", "s.period", "so.period")
    .leftJoin("organisation as o", "o.ods_code", "so.ods_code")
    .select([
      "so.ods_code as odsCode",
      "o.name as name",
      "so.region as region",
      "so.icb_code as icbCode",
      "so.attained_tier as attainedTier",
    ])
    .where("so.period", "=", period)
    .where("s.status", "=", "published");
  if (filter.region) q = q.where("so.region", "=", filter.region as never);
  if (filter.icbCode) q = q.where("so.icb_code", "=", filter.icbCode);
  const rows = await q.execute();
  return rows
    .map((r) => ({
      odsCode: r.odsCode,
      name: r.name ?? r.odsCode,
      region: r.region,
      icbCode: r.icbCode,
      attainedTier: Number(r.attainedTier ?? 0),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
