import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/** An adoption record as the API and the apps see it. */
export interface AdoptionRow {
  odsCode: string;
  functionalityCode: string;
  coveragePct: number | null;
  usageNumerator: number | null;
  usageDenominator: number | null;
  measurementWindowStart: string | null;
  measurementWindowEnd: string | null;
  paperRetired: boolean;
  benefitMeasured: boolean;
  plannedGoLive: string | null;
  claimedLevel: number | null;
  claimReason: string | null;
  evidence: { label: string; url: string }[];
  notes: string;
  derivedLevel: number;
  level: number;
  rule: string;
  validationState: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The adoption record columns under the names the API uses. */
export function selectAdoption(db: Kysely<DB>) {
  return db
    .selectFrom("adoption_record")
    .select([
      "ods_code as odsCode",
      "functionality_code as functionalityCode",
      "coverage_pct as coveragePct",
      "usage_numerator as usageNumerator",
      "usage_denominator as usageDenominator",
      "window_start as measurementWindowStart",
      "window_end as measurementWindowEnd",
      "paper_retired as paperRetired",
      "benefit_measured as benefitMeasured",
      "planned_go_live as plannedGoLive",
      "claimed_level as claimedLevel",
      "claim_reason as claimReason",
      "evidence",
      "notes",
      "derived_level as derivedLevel",
      "level",
      "rule",
      "validation_state as validationState",
      "version",
      "updated_at as updatedAt",
      "updated_by as updatedBy",
    ]);
}

/** Every adoption record of a trust. */
export async function adoptionRecords(db: Kysely<DB>, odsCode: string): Promise<AdoptionRow[]> {
  return selectAdoption(db).where("ods_code", "=", odsCode).orderBy("functionality_code").execute();
}

/** The trust's code, type and name; NOT_FOUND when no trust has the code. */
export async function organisationType(db: Kysely<DB>, odsCode: string) {
  const org = await db
    .selectFrom("organisation")
    .select(["ods_code", "trust_type", "name"])
    .where("ods_code", "=", odsCode)
    .executeTakeFirst();
  if (!org) throw AppError.notFound(`No trust has the ODS code ${odsCode}`);
  return org;
}

/** Records in the shape the domain's assessment takes. */
export function toAssessable(rows: AdoptionRow[]) {
  return rows.map((r) => ({
    functionalityCode: r.functionalityCode,
    level: r.level as 0 | 1 | 2 | 3 | 4 | 5,
    coveragePct: r.coveragePct,
    usageNumerator: r.usageNumerator,
    usageDenominator: r.usageDenominator,
    paperRetired: r.paperRetired,
    claimedLevel: r.claimedLevel,
    benefitMeasured: r.benefitMeasured,
  }));
}

/** A trust's assessment as its maintained tier row stores it. */
export interface TierValues {
  frameworkVersion: number;
  attainedTier: number;
  progressToNext: number;
}

/** The tier row's columns for an assessment made at `at`. */
export function tierColumns(t: TierValues, at: Date) {
  return {
    framework_version: t.frameworkVersion,
    attained_tier: t.attainedTier,
    progress_to_next: t.progressToNext,
    updated_at: at,
  };
}

/** Store a trust's attained tier and progress (the national views read this row). */
export async function saveOrganisationTier(
  db: Kysely<DB>,
  odsCode: string,
  frameworkVersion: number,
  assessment: { attainedTier: number; progressToNext: number },
) {
  const values = tierColumns({ frameworkVersion, ...assessment }, new Date());
  await db
    .insertInto("organisation_tier")
    .values({ ods_code: odsCode, ...values })
    .onConflict((oc) => oc.column("ods_code").doUpdateSet(values))
    .execute();
}
