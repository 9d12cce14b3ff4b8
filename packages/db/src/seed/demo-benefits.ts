import {
  applicableCriteria,
  applicableOptions,
  assessTrust,
  type BenefitType,
  type Framework,
  listQuarters,
  periodRange,
} from "@realise/domain";
import type { Insertable, Kysely } from "kysely";
import type { BenefitActualTable, BenefitLineTable, DB, PlanItemTable } from "../schema.js";
import { hashString, seededRandom } from "./random.js";

/** The demo accounts' trusts get a fuller register, so every screen has something to show. */
const SHOWCASE = new Set(["RGT", "RR8", "RXT", "RRU", "RY6", "RP4"]);

/** Plausible baseline, target and full-year value (£, when monetised) per national benefit type. */
const PROFILES: Record<
  string,
  { baseline: number; target: number; valueGbp: number | null; group?: string }
> = {
  B01: { baseline: 12, target: 8.4, valueGbp: null },
  B02: { baseline: 4.5, target: 2.5, valueGbp: null },
  B03: { baseline: 95, target: 70, valueGbp: 550_000, group: "nursing-time" },
  B04: { baseline: 40, target: 22, valueGbp: null },
  B05: { baseline: 2.4, target: 1.9, valueGbp: null },
  B06: { baseline: 180, target: 150, valueGbp: 320_000 },
  B07: { baseline: 5.2, target: 5.0, valueGbp: 1_200_000, group: "bed-capacity" },
  B08: { baseline: 62, target: 90, valueGbp: null },
  B09: { baseline: 900_000, target: 500_000, valueGbp: 400_000 },
  B10: { baseline: 6, target: 4.5, valueGbp: 700_000, group: "nursing-time" },
  B11: { baseline: 18, target: 20, valueGbp: 450_000, group: "bed-capacity" },
  B12: { baseline: 600_000, target: 350_000, valueGbp: 250_000 },
  B13: { baseline: 3.1, target: 3.8, valueGbp: 500_000 },
  B14: { baseline: 8, target: 30, valueGbp: null },
  B15: { baseline: 5.5, target: 7, valueGbp: null },
  B16: { baseline: 200, target: 600, valueGbp: null },
  B17: { baseline: 120, target: 135, valueGbp: 150_000 },
  B18: { baseline: 100, target: 90, valueGbp: 300_000 },
};

const OWNERS = [
  "Chief Nursing Information Officer",
  "Chief Clinical Information Officer",
  "Benefits lead",
  "Chief Pharmacist",
  "Director of Operations",
];
const BASELINE_DATE = "2024-03-31";
const TARGET_DATE = "2027-03-31";
/** Demo actuals run to a fixed quarter, so the demo is the same whenever it is seeded. */
const QUARTERS = listQuarters("2024/25 Q1", "2026/27 Q2");

const round = (v: number) => Math.round(v * 100) / 100;

function lineFor(
  trust: { odsCode: string },
  type: BenefitType,
  enablers: string[],
  random: () => number,
  showcase: boolean,
): { line: Insertable<BenefitLineTable>; actuals: Insertable<BenefitActualTable>[] } | null {
  const p = PROFILES[type.code];
  if (!p) return null;
  const scale = 0.8 + random() * 0.4;
  const baseline = round(p.baseline * scale);
  const target = round(p.target * scale);
  const span = target - baseline;
  const id = `demo-${trust.odsCode}-${type.code}`;
  const planned = !showcase && random() < 0.15;
  // Some trusts stop recording a quarter early, so the overdue flag has something to find.
  const lastQuarter = QUARTERS.length - (random() < 0.25 ? 2 : 1);
  const performance = 0.5 + random() * 0.7;
  const actuals: Insertable<BenefitActualTable>[] = [];
  if (!planned) {
    for (let i = 1; i <= lastQuarter; i += showcase ? 1 : 2) {
      const period = QUARTERS[i]!;
      const share = i / (QUARTERS.length + 2);
      const noise = (random() - 0.5) * 0.12;
      actuals.push({
        benefit_id: id,
        period,
        value: round(baseline + span * (share * performance + noise)),
        source: "Trust performance report",
        recorded_at: `${periodRange(period).end}T12:00:00Z`,
        recorded_by: null,
      });
    }
  }
  return {
    line: {
      id,
      ods_code: trust.odsCode,
      benefit_type_code: type.code,
      title: type.name,
      benefit_class: type.benefitClass,
      is_disbenefit: type.isDisbenefit,
      owner: OWNERS[Math.floor(random() * OWNERS.length)]!,
      metric: type.name,
      unit: type.unit,
      direction: type.direction,
      baseline_value: baseline,
      baseline_date: BASELINE_DATE,
      baseline_source: "Audit before go-live",
      target_value: target,
      target_date: TARGET_DATE,
      trajectory: JSON.stringify([
        { date: "2025-03-31", value: round(baseline + span * 0.3) },
        { date: "2026-03-31", value: round(baseline + span * 0.65) },
      ]),
      confidence: (["low", "medium", "high"] as const)[Math.floor(random() * 3)]!,
      status: planned ? "planned" : "in_progress",
      enabling_functionalities: JSON.stringify(enablers),
      full_year_value_gbp: p.valueGbp === null ? null : Math.round(p.valueGbp * scale),
      attribution_pct: [100, 80, 60, 50][Math.floor(random() * 4)]!,
      double_count_group: p.group ?? null,
      evidence: null,
      created_at: `${BASELINE_DATE}T09:00:00Z`,
      updated_at: `${BASELINE_DATE}T09:00:00Z`,
      updated_by: null,
    },
    actuals,
  };
}

/**
 * Deterministic demo benefit lines (with actuals) and plan items for every trust: benefit types whose
 * enabling functionalities are live at the trust, and plan items for the criteria of its next tiers.
 */
export async function seedDemoBenefits(db: Kysely<DB>, framework: Framework): Promise<number> {
  const trusts = await db
    .selectFrom("organisation")
    .select(["ods_code as odsCode", "trust_type as trustType"])
    .orderBy("ods_code")
    .execute();
  const records = await db
    .selectFrom("adoption_record")
    .select([
      "ods_code",
      "functionality_code",
      "level",
      "coverage_pct",
      "usage_numerator",
      "usage_denominator",
      "paper_retired",
    ])
    .execute();
  const byTrust = new Map<string, typeof records>();
  for (const r of records) byTrust.set(r.ods_code, [...(byTrust.get(r.ods_code) ?? []), r]);
  const functionalities = new Map(framework.functionalities.map((f) => [f.code, f]));

  const lines: Insertable<BenefitLineTable>[] = [];
  const actuals: Insertable<BenefitActualTable>[] = [];
  const plans: Insertable<PlanItemTable>[] = [];
  for (const trust of trusts) {
    const random = seededRandom(hashString(`benefits:${trust.odsCode}`));
    const showcase = SHOWCASE.has(trust.odsCode);
    const mine = byTrust.get(trust.odsCode) ?? [];
    const level = new Map(mine.map((r) => [r.functionality_code, r.level]));
    const candidates = framework.benefitTypes
      .map((type) => ({ type, live: type.enablingFunctionalities.filter((c) => (level.get(c) ?? 0) >= 2) }))
      .filter((c) => c.live.length > 0)
      .map((c) => ({ ...c, order: random() }))
      .sort((a, b) => a.order - b.order);
    const count = showcase ? 4 : 1 + Math.floor(random() * 3);
    for (const c of candidates.slice(0, count)) {
      const made = lineFor(trust, c.type, c.live, random, showcase);
      if (!made) continue;
      lines.push(made.line);
      actuals.push(...made.actuals);
    }

    const trustType = trust.trustType;
    const assessment = assessTrust(
      framework,
      { odsCode: trust.odsCode, trustType },
      mine.map((r) => ({
        functionalityCode: r.functionality_code,
        level: r.level,
        coveragePct: r.coverage_pct,
        usageNumerator: r.usage_numerator,
        usageDenominator: r.usage_denominator,
        paperRetired: r.paper_retired,
      })),
    );
    const planned = new Set<string>();
    for (const criterion of applicableCriteria(framework, trustType)) {
      if (criterion.tier <= assessment.attainedTier || criterion.tier > assessment.attainedTier + 2) continue;
      const options = applicableOptions(criterion, trustType, functionalities)
        .filter((code) => (level.get(code) ?? 0) < criterion.requiredLevel && !planned.has(code))
        .slice(0, criterion.kind === "mandatory" ? 1 : (criterion.k ?? 1));
      for (const code of options) {
        if (planned.size >= (showcase ? 8 : 5)) break;
        planned.add(code);
        const tierOffset = criterion.tier - assessment.attainedTier - 1;
        const year = 2026 + tierOffset + Math.floor(random() * 2);
        const month = ["03-31", "06-30", "09-30", "12-31"][Math.floor(random() * 4)]!;
        const roll = random();
        plans.push({
          id: `demo-${trust.odsCode}-${code}`,
          ods_code: trust.odsCode,
          functionality_code: code,
          target_level: criterion.requiredLevel,
          target_date: `${year}-${month}`,
          owner: OWNERS[Math.floor(random() * OWNERS.length)]!,
          status: roll < 0.15 ? "at_risk" : roll < 0.6 ? "in_progress" : "not_started",
          created_at: `${BASELINE_DATE}T09:00:00Z`,
          updated_at: `${BASELINE_DATE}T09:00:00Z`,
          updated_by: null,
        });
      }
    }
  }
  for (let i = 0; i < lines.length; i += 200)
    await db
      .insertInto("benefit_line")
      .values(lines.slice(i, i + 200))
      .execute();
  for (let i = 0; i < actuals.length; i += 500)
    await db
      .insertInto("benefit_actual")
      .values(actuals.slice(i, i + 500))
      .execute();
  for (let i = 0; i < plans.length; i += 200)
    await db
      .insertInto("plan_item")
      .values(plans.slice(i, i + 200))
      .execute();
  return lines.length;
}
