import type { AssessableRecord, ValidationState } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";
import { type AdoptionRow, selectAdoption } from "./adoption-records.js";

/** Lock a trust's records of some functionalities for the rest of the transaction. */
export async function lockAdoptionRecords(
  db: Kysely<DB>,
  odsCode: string,
  functionalityCodes: readonly string[],
): Promise<AdoptionRow[]> {
  if (functionalityCodes.length === 0) return [];
  return selectAdoption(db)
    .where("ods_code", "=", odsCode)
    .where("functionality_code", "in", functionalityCodes)
    .forUpdate()
    .execute();
}

/** Store a record's "benefit measured" measure with the levels it gives, at the next version. */
export async function saveBenefitMeasured(
  db: Kysely<DB>,
  record: { odsCode: string; functionalityCode: string },
  change: {
    benefitMeasured: boolean;
    derivedLevel: number;
    level: number;
    rule: string;
    version: number;
    updatedBy: string | null;
  },
): Promise<void> {
  await db
    .updateTable("adoption_record")
    .set({
      benefit_measured: change.benefitMeasured,
      derived_level: change.derivedLevel,
      level: change.level,
      rule: change.rule,
      version: change.version,
      updated_at: new Date(),
      updated_by: change.updatedBy,
    })
    .where("ods_code", "=", record.odsCode)
    .where("functionality_code", "=", record.functionalityCode)
    .execute();
}

/** A trust's level for each functionality it has a record of. */
export async function adoptionLevels(
  db: Kysely<DB>,
  odsCode: string,
): Promise<Array<{ odsCode: string; functionalityCode: string; level: number }>> {
  return db
    .selectFrom("adoption_record")
    .select(["ods_code as odsCode", "functionality_code as functionalityCode", "level"])
    .where("ods_code", "=", odsCode)
    .execute();
}

/**
 * Records of one trust, or of every trust when odsCode is null, in the shape the domain's assessment
 * takes, keyed by trust. Only the columns an assessment reads, so a national forecast stays light.
 */
export async function assessableRecordsByTrust(
  db: Kysely<DB>,
  odsCode: string | null,
): Promise<Map<string, AssessableRecord[]>> {
  let q = db
    .selectFrom("adoption_record")
    .select([
      "ods_code",
      "functionality_code",
      "level",
      "derived_level",
      "coverage_pct",
      "usage_numerator",
      "usage_denominator",
      "paper_retired",
      "claimed_level",
      "validation_state",
      "benefit_measured",
      "rule",
      "version",
    ]);
  if (odsCode !== null) q = q.where("ods_code", "=", odsCode);
  const byTrust = new Map<string, AssessableRecord[]>();
  for (const r of await q.execute()) {
    const list = byTrust.get(r.ods_code) ?? [];
    list.push({
      functionalityCode: r.functionality_code,
      level: r.level,
      derivedLevel: r.derived_level,
      coveragePct: r.coverage_pct,
      usageNumerator: r.usage_numerator,
      usageDenominator: r.usage_denominator,
      paperRetired: r.paper_retired,
      claimedLevel: r.claimed_level,
      validationState: r.validation_state as ValidationState,
      benefitMeasured: r.benefit_measured,
      version: r.version,
      // The stored rule spares the assessment re-deriving every level; forecasts read tiers, not reasons.
      rule: r.rule,
      reason: "",
    });
    byTrust.set(r.ods_code, list);
  }
  return byTrust;
}
