import type { AdoptionInput, ValidationState } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";
import { type AdoptionRow, selectAdoption, type TierValues, tierColumns } from "./adoption-records.js";
import { type Actor, type AuditEntry, auditColumns } from "./audit.js";

/** Lock every record of a trust, in one order so two writers never wait on each other in a circle. */
export async function lockTrustRecords(db: Kysely<DB>, odsCode: string): Promise<AdoptionRow[]> {
  return selectAdoption(db)
    .where("ods_code", "=", odsCode)
    .orderBy("functionality_code")
    .forUpdate()
    .execute();
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

/** A record's values as the table's columns. */
function recordColumns(v: AdoptionRecordValues, at: Date) {
  return {
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
    updated_at: at,
    updated_by: v.updatedBy,
  };
}

/** The record as it reads after `saveAdoptionEdit` writes `v` over `before` (or creates it). */
export function editedRecord(
  key: { odsCode: string; functionalityCode: string },
  v: AdoptionRecordValues,
  before: AdoptionRow | undefined,
  at: Date,
): AdoptionRow {
  return {
    odsCode: key.odsCode,
    functionalityCode: key.functionalityCode,
    coveragePct: v.input.coveragePct,
    usageNumerator: v.input.usageNumerator,
    usageDenominator: v.input.usageDenominator,
    measurementWindowStart: v.input.measurementWindowStart,
    measurementWindowEnd: v.input.measurementWindowEnd,
    paperRetired: v.input.paperRetired,
    benefitMeasured: before?.benefitMeasured ?? false,
    plannedGoLive: v.input.plannedGoLive,
    claimedLevel: v.input.claimedLevel,
    claimReason: v.input.claimReason,
    evidence: v.input.evidence,
    notes: v.input.notes,
    derivedLevel: v.derivedLevel,
    level: v.level,
    rule: v.rule,
    validationState: v.validationState,
    version: v.version,
    updatedAt: at,
    updatedBy: v.updatedBy,
  };
}

/** Everything one adoption edit writes: the record, the trust's tier and the audit row. */
export interface AdoptionEdit {
  key: { odsCode: string; functionalityCode: string };
  values: AdoptionRecordValues;
  /** Whether the record exists (update) or not (insert). */
  exists: boolean;
  at: Date;
  tier: TierValues;
  actor: Actor | null;
  audit: AuditEntry;
}

/**
 * Write an adoption edit in one statement: the record, the trust's maintained tier row and the audit row,
 * as data-modifying CTEs. One round trip instead of three, and the audit row (whose chain trigger holds
 * the audit chain's head until commit, so every audited write in the country queues on it) comes last,
 * straight before the commit.
 */
export async function saveAdoptionEdit(db: Kysely<DB>, edit: AdoptionEdit): Promise<void> {
  const columns = recordColumns(edit.values, edit.at);
  const { key } = edit;
  const tier = tierColumns(edit.tier, edit.at);
  await db
    .with("saved", (q) =>
      edit.exists
        ? q
            .updateTable("adoption_record")
            .set(columns)
            .where("ods_code", "=", key.odsCode)
            .where("functionality_code", "=", key.functionalityCode)
            .returning("ods_code")
        : q
            .insertInto("adoption_record")
            .values({ ...columns, ods_code: key.odsCode, functionality_code: key.functionalityCode })
            .returning("ods_code"),
    )
    .with("tier", (q) =>
      q
        .insertInto("organisation_tier")
        .values({ ods_code: key.odsCode, ...tier })
        .onConflict((oc) => oc.column("ods_code").doUpdateSet(tier))
        .returning("ods_code"),
    )
    .insertInto("audit_log")
    .values(auditColumns(edit.actor, edit.audit))
    .execute();
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
