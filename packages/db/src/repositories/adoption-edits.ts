import type { AdoptionInput, ValidationState } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";
import { type AdoptionRow, selectAdoption } from "./adoption-records.js";

/** Lock one record (if it exists) so concurrent writers queue here and a version check is exact. */
export async function lockAdoptionRecord(
  db: Kysely<DB>,
  odsCode: string,
  functionalityCode: string,
): Promise<AdoptionRow | undefined> {
  return selectAdoption(db)
    .where("ods_code", "=", odsCode)
    .where("functionality_code", "=", functionalityCode)
    .forUpdate()
    .executeTakeFirst();
}

/** Lock every record of a trust, in one order so two writers never wait on each other in a circle. */
export async function lockTrustRecords(db: Kysely<DB>, odsCode: string): Promise<AdoptionRow[]> {
  return selectAdoption(db)
    .where("ods_code", "=", odsCode)
    .orderBy("functionality_code")
    .forUpdate()
    .execute();
}

/** One record as it is now; throws when there is none (read after writing it). */
export async function adoptionRecord(db: Kysely<DB>, odsCode: string, functionalityCode: string) {
  return selectAdoption(db)
    .where("ods_code", "=", odsCode)
    .where("functionality_code", "=", functionalityCode)
    .executeTakeFirstOrThrow();
}

/** A record's values after an edit: the input, and what the domain made of it. */
export interface AdoptionRecordValues {
  input: AdoptionInput;
  derivedLevel: number;
  level: number;
  rule: string;
  validationState: ValidationState;
  version: number;
  updatedBy: string;
}

/** Write a record's values, inserting it when `exists` is false. */
export async function saveAdoptionRecord(
  db: Kysely<DB>,
  key: { odsCode: string; functionalityCode: string },
  v: AdoptionRecordValues,
  exists: boolean,
) {
  const values = {
    coverage_pct: v.input.coveragePct,
    usage_numerator: v.input.usageNumerator,
    usage_denominator: v.input.usageDenominator,
    window_start: v.input.measurementWindowStart,
    window_end: v.input.measurementWindowEnd,
    paper_retired: v.input.paperRetired,
    planned_go_live: v.input.plannedGoLive,
    claimed_level: v.input.claimedLevel,
    claim_reason: v.input.claimReason,
    evidence: JSON.stringify(v.input.evidence),
    notes: v.input.notes,
    derived_level: v.derivedLevel,
    level: v.level,
    rule: v.rule,
    validation_state: v.validationState,
    version: v.version,
    updated_at: new Date(),
    updated_by: v.updatedBy,
  };
  if (exists) {
    await db
      .updateTable("adoption_record")
      .set(values)
      .where("ods_code", "=", key.odsCode)
      .where("functionality_code", "=", key.functionalityCode)
      .execute();
  } else {
    await db
      .insertInto("adoption_record")
      .values({ ...values, ods_code: key.odsCode, functionality_code: key.functionalityCode })
      .execute();
  }
}

/** Move a record's version on and stamp who reviewed it when, changing no value. */
export async function restampAdoptionRecord(
  db: Kysely<DB>,
  key: { odsCode: string; functionalityCode: string },
  stamp: { version: number; at: Date; by: string },
) {
  await db
    .updateTable("adoption_record")
    .set({ version: stamp.version, updated_at: stamp.at, updated_by: stamp.by })
    .where("ods_code", "=", key.odsCode)
    .where("functionality_code", "=", key.functionalityCode)
    .execute();
}

/** Set the validation state of a trust's records, except those in one of the states to keep. */
export async function setValidationState(
  db: Kysely<DB>,
  odsCode: string,
  state: ValidationState,
  keep: readonly ValidationState[] = [],
) {
  let q = db.updateTable("adoption_record").set({ validation_state: state }).where("ods_code", "=", odsCode);
  if (keep.length > 0) q = q.where("validation_state", "not in", [...keep]);
  await q.execute();
}
