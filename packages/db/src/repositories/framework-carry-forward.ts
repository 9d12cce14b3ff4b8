import type { CarriedSource, TrustToday, ValidationState } from "@realise/domain";
import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { AdoptionRecordTable, AuditLogTable, DB } from "../schema.js";

/** An adoption record as stored. */
export type StoredAdoptionRecord = Selectable<AdoptionRecordTable>;

// Large inserts go in chunks so one statement stays within the parameter limit of both drivers.
const CHUNK = 400;

/** Every adoption record of every trust, as the draft effect needs them. */
export async function adoptionSources(db: Kysely<DB>): Promise<CarriedSource[]> {
  const rows = await db
    .selectFrom("adoption_record")
    .select([
      "ods_code as odsCode",
      "functionality_code as functionalityCode",
      "level",
      "coverage_pct as coveragePct",
      "usage_numerator as usageNumerator",
      "usage_denominator as usageDenominator",
      "paper_retired as paperRetired",
      "benefit_measured as benefitMeasured",
      "planned_go_live as plannedGoLive",
      "claimed_level as claimedLevel",
      "validation_state as validationState",
    ])
    .execute();
  return rows.map((r) => ({ ...r, validationState: r.validationState as ValidationState }));
}

/** Every trust with the tier it holds today. */
export async function trustsWithTier(db: Kysely<DB>): Promise<TrustToday[]> {
  return db
    .selectFrom("organisation as o")
    .leftJoin("organisation_tier as t", "t.ods_code", "o.ods_code")
    .select(["o.ods_code as odsCode", "o.name", "o.trust_type as trustType", "t.attained_tier as tier"])
    .orderBy("o.ods_code")
    .execute();
}

/** Every trust's ODS code and type. */
export async function organisationTypes(db: Kysely<DB>) {
  return db.selectFrom("organisation").select(["ods_code", "trust_type"]).execute();
}

/** Make adoption writes wait until the caller's transaction ends (a publish carrying records forward). */
export async function lockAllAdoptionRecords(db: Kysely<DB>): Promise<void> {
  await sql`lock table adoption_record in exclusive mode`.execute(db);
}

/** Every adoption record, whole. */
export async function allAdoptionRecords(db: Kysely<DB>): Promise<StoredAdoptionRecord[]> {
  return db.selectFrom("adoption_record").selectAll().execute();
}

/** Replace every adoption record with the given ones. */
export async function replaceAllAdoptionRecords(
  db: Kysely<DB>,
  rows: ReadonlyArray<Insertable<AdoptionRecordTable>>,
): Promise<void> {
  await db.deleteFrom("adoption_record").execute();
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto("adoption_record")
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/** Append many audit rows inside the caller's transaction. */
export async function appendAuditRows(
  db: Kysely<DB>,
  rows: ReadonlyArray<Insertable<AuditLogTable>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto("audit_log")
      .values(rows.slice(i, i + CHUNK))
      .execute();
}
