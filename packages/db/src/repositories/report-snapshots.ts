import type { AssessableRecord, NationalTrust, TrustType } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/**
 * A snapshot's trusts as the national views list them: the registry facts and tier frozen with the
 * period, the trust's name and ICB name from today's registry. Only trusts with an accepted return.
 */
export async function snapshotTrusts(
  db: Kysely<DB>,
  period: string,
  filter: { odsCode?: string; trustType?: TrustType; eprSupplier?: string } = {},
): Promise<NationalTrust[]> {
  let q = db
    .selectFrom("snapshot_organisation as so")
    .innerJoin("organisation as o", "o.ods_code", "so.ods_code")
    .leftJoin("icb as i", "i.code", "so.icb_code")
    .select([
      "so.ods_code as odsCode",
      "o.name",
      "so.trust_type as trustType",
      "so.region",
      "so.epr_status as eprStatus",
      "so.epr_supplier as eprSupplier",
      "so.attained_tier as attainedTier",
      "so.progress_to_next as progressToNext",
      "so.icb_code as icbCode",
      "i.name as icbName",
    ])
    .where("so.period", "=", period)
    .orderBy("o.name");
  if (filter.odsCode) q = q.where("so.ods_code", "=", filter.odsCode);
  if (filter.trustType) q = q.where("so.trust_type", "=", filter.trustType);
  if (filter.eprSupplier) q = q.where("so.epr_supplier", "=", filter.eprSupplier);
  const rows = await q.execute();
  return rows.map((r) => ({
    ...r,
    attainedTier: Number(r.attainedTier),
    progressToNext: r.progressToNext === null ? null : Number(r.progressToNext),
  }));
}

/** A trust's frozen records of a snapshot (published or not), in the shape the domain's assessment takes. */
export async function snapshotRecordsOf(
  db: Kysely<DB>,
  period: string,
  odsCode: string,
): Promise<AssessableRecord[]> {
  const rows = await db
    .selectFrom("snapshot_adoption")
    .select([
      "functionality_code",
      "level",
      "coverage_pct",
      "usage_numerator",
      "usage_denominator",
      "validation_state",
    ])
    .where("period", "=", period)
    .where("ods_code", "=", odsCode)
    .orderBy("functionality_code")
    .execute();
  return rows.map((r) => ({
    functionalityCode: r.functionality_code,
    level: r.level,
    coveragePct: r.coverage_pct === null ? null : Number(r.coverage_pct),
    usageNumerator: r.usage_numerator,
    usageDenominator: r.usage_denominator,
    paperRetired: false,
    validationState: r.validation_state as AssessableRecord["validationState"],
  }));
}
