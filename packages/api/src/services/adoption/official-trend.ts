import { type DB, findOrganisation, officialTrendRows } from "@realise/db";
import { AppError, comparePeriods } from "@realise/domain";
import type { Kysely } from "kysely";

/**
 * A trust's own official figures over time: its tier and key measures in every published period, oldest
 * first. Only published snapshots count (a frozen preview is not yet official).
 */
export async function officialTrend(db: Kysely<DB>, input: { odsCode: string }) {
  const organisation = await findOrganisation(db, input.odsCode);
  if (!organisation) throw AppError.notFound(`No trust has the ODS code ${input.odsCode}`);
  const rows = await officialTrendRows(db, input.odsCode);
  const periods = rows
    .sort((a, b) => comparePeriods(a.period, b.period))
    .map((r) => ({
      ...r,
      progressToNext: Math.round(r.progressToNext * 1000) / 1000,
      meanCoveragePct: r.meanCoveragePct === null ? null : Math.round(r.meanCoveragePct * 10) / 10,
    }));
  return { odsCode: input.odsCode, name: organisation.name, periods };
}
