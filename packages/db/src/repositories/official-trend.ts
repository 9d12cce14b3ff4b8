import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

/** One published period of one trust: its frozen tier and the measures it is summarised by. */
export interface OfficialTrendRow {
  period: string;
  frameworkVersion: number;
  publishedAt: Date | null;
  attainedTier: number;
  progressToNext: number;
  /** Functionalities recorded in the frozen copy. */
  recorded: number;
  /** Of those, at L3 Adopted or above. */
  adopted: number;
  /** Of those, at L4 Embedded or above. */
  embedded: number;
  /** Mean coverage of the recorded functionalities that report one, or null. */
  meanCoveragePct: number | null;
  validated: number;
}

/** A trust's figures in every published snapshot it is in (unordered: periods sort in the domain). */
export async function officialTrendRows(db: Kysely<DB>, odsCode: string): Promise<OfficialTrendRow[]> {
  const rows = await db
    .selectFrom("snapshot_organisation as so")
    .innerJoin("snapshot as s", "s.period", "so.period")
    .leftJoin("snapshot_adoption as a", (join) =>
      join.onRef("a.period", "=", "so.period").onRef("a.ods_code", "=", "so.ods_code"),
    )
    .select([
      "so.period",
      "s.framework_version as frameworkVersion",
      "s.published_at as publishedAt",
      "so.attained_tier as attainedTier",
      "so.progress_to_next as progressToNext",
      sql<number>`count(a.functionality_code)::int`.as("recorded"),
      sql<number>`(count(*) filter (where a.level >= 3))::int`.as("adopted"),
      sql<number>`(count(*) filter (where a.level >= 4))::int`.as("embedded"),
      sql<number | null>`avg(a.coverage_pct)::float8`.as("meanCoveragePct"),
      sql<number>`(count(*) filter (where a.validation_state = 'validated'))::int`.as("validated"),
    ])
    .where("so.ods_code", "=", odsCode)
    .where("s.status", "=", "published")
    .groupBy([
      "so.period",
      "s.framework_version",
      "s.published_at",
      "so.attained_tier",
      "so.progress_to_next",
    ])
    .execute();
  return rows.map((r) => ({
    ...r,
    attainedTier: Number(r.attainedTier),
    progressToNext: Number(r.progressToNext),
    recorded: Number(r.recorded),
    adopted: Number(r.adopted),
    embedded: Number(r.embedded),
    meanCoveragePct: r.meanCoveragePct === null ? null : Number(r.meanCoveragePct),
    validated: Number(r.validated),
  }));
}
