import {
  applicableCriteria,
  assessTrust,
  deriveAdoptionLevel,
  type EprStatus,
  type Framework,
  type TrustType,
} from "@realise/domain";
import type { Insertable, Kysely } from "kysely";
import type { AdoptionRecordTable, DB } from "../schema.js";
import { hashString, seededRandom } from "./random.js";

const EPR_MATURITY: Record<string, number> = { none: 0.05, procuring: 0.15, implementing: 0.35, live: 0.7 };

export interface TrustSeed {
  odsCode: string;
  trustType: TrustType;
  eprStatus: EprStatus;
}

/**
 * Plausible adoption for one trust: a maturity drawn from its ODS code and EPR status, with higher tiers
 * less adopted. Deterministic, so every first run shows the same national picture.
 */
export function demoRecordsFor(
  framework: Framework,
  trust: TrustSeed,
  salt = "demo",
): Insertable<AdoptionRecordTable>[] {
  const random = seededRandom(hashString(`${salt}:${trust.odsCode}`));
  const base = EPR_MATURITY[trust.eprStatus] ?? 0.3;
  const maturity = Math.min(1, Math.max(0, base + (random() - 0.5) * 0.5));
  const applicable = new Set(
    applicableCriteria(framework, trust.trustType).flatMap((c) => c.functionalityCodes),
  );
  const rows: Insertable<AdoptionRecordTable>[] = [];
  for (const f of framework.functionalities) {
    if (!applicable.has(f.code) && !f.appliesTo.includes(trust.trustType)) continue;
    const reach = maturity * 125 - (f.tier - 1) * 24 + (random() - 0.5) * 40;
    const coverage = Math.round(Math.min(100, Math.max(0, reach)));
    const planned = coverage === 0 && random() < maturity + 0.2;
    const denominator = 200 + Math.floor(random() * 4800);
    const usageShare =
      coverage === 0 ? 0 : Math.min(1, Math.max(0, coverage / 100 - 0.05 + (random() - 0.3) * 0.2));
    const numerator = coverage === 0 ? null : Math.round(denominator * usageShare);
    const paperRetired = coverage >= 80 && random() < maturity;
    const benefitMeasured = coverage >= 90 && random() < maturity * 0.6;
    const plannedGoLive = planned
      ? `${2026 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-01`
      : null;
    const measures = {
      coveragePct: coverage === 0 ? null : coverage,
      usageNumerator: numerator,
      usageDenominator: numerator === null ? null : denominator,
      paperRetired,
      benefitMeasured,
      plannedGoLive,
    };
    const derived = deriveAdoptionLevel(f, measures);
    rows.push({
      ods_code: trust.odsCode,
      functionality_code: f.code,
      coverage_pct: measures.coveragePct,
      usage_numerator: measures.usageNumerator,
      usage_denominator: measures.usageDenominator,
      window_start: numerator === null ? null : "2026-07-01",
      window_end: numerator === null ? null : "2026-09-30",
      paper_retired: paperRetired,
      benefit_measured: benefitMeasured,
      planned_go_live: plannedGoLive,
      claimed_level: null,
      claim_reason: null,
      evidence: "[]",
      notes: "",
      derived_level: derived.level,
      level: derived.level,
      rule: derived.rule,
      validation_state: random() < 0.3 ? "validated" : "self_assessed",
      updated_by: null,
    });
  }
  return rows;
}

/** Tier row for a trust computed from its adoption rows by the domain rules. */
export function tierRowFor(framework: Framework, trust: TrustSeed, rows: Insertable<AdoptionRecordTable>[]) {
  const assessment = assessTrust(
    framework,
    { odsCode: trust.odsCode, trustType: trust.trustType },
    rows.map((r) => ({
      functionalityCode: r.functionality_code,
      level: r.level,
      coveragePct: r.coverage_pct ?? null,
      usageNumerator: r.usage_numerator ?? null,
      usageDenominator: r.usage_denominator ?? null,
      paperRetired: r.paper_retired ?? false,
    })),
  );
  return {
    ods_code: trust.odsCode,
    framework_version: framework.version,
    attained_tier: assessment.attainedTier,
    progress_to_next: assessment.progressToNext,
  };
}

/** Give every trust demo adoption records and the tier those records attain. */
export async function seedDemoAdoption(db: Kysely<DB>, framework: Framework): Promise<number> {
  const trusts = await db
    .selectFrom("organisation")
    .select(["ods_code as odsCode", "trust_type as trustType", "epr_status as eprStatus"])
    .orderBy("ods_code")
    .execute();
  let count = 0;
  for (let i = 0; i < trusts.length; i += 50) {
    const chunk = trusts.slice(i, i + 50);
    const records = chunk.map((t) => demoRecordsFor(framework, t));
    const rows = records.flat();
    if (rows.length) await db.insertInto("adoption_record").values(rows).execute();
    await db
      .insertInto("organisation_tier")
      .values(chunk.map((t, j) => tierRowFor(framework, t, records[j]!)))
      .execute();
    count += rows.length;
  }
  return count;
}
