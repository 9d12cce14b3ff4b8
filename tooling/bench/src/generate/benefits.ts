import { type Framework, type Functionality, periodRange } from "@realise/domain";
import { hashString, seededRandom } from "@realise/db/seed";
import type { GeneratedOrganisation } from "./organisations.js";
import type { Row } from "./rows.js";
import type { Timeline } from "./timeline.js";

const OWNERS = [
  "Chief Nursing Information Officer",
  "Chief Clinical Information Officer",
  "Director of Digital",
  "Pharmacy lead",
  "Benefits lead",
];

function addMonths(isoDate: string, months: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * A benefits register: a few lines of the framework's benefit types whose enablers the trust uses,
 * with a baseline at the start of the history, a target three years on, and an actual each quarter
 * that moves with the trust's maturity.
 */
export function benefitRows(
  framework: Framework,
  org: GeneratedOrganisation,
  timeline: Timeline,
  maturity: number[],
  functionalities: Functionality[],
  editor: string,
) {
  const random = seededRandom(hashString(`${timeline.seed}:benefits:${org.odsCode}`));
  const applicable = new Set(functionalities.map((f) => f.code));
  const types = framework.benefitTypes.filter((t) =>
    t.enablingFunctionalities.some((c) => applicable.has(c)),
  );
  const count = Math.min(types.length, 3 + Math.floor(random() * 8));
  const shuffled = [...types];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const chosen = shuffled.slice(0, count);
  const first = timeline.periods[0] ?? timeline.current;
  const baselineDate = periodRange(first).start;
  const lines: Row<"benefit_line">[] = [];
  const actuals: Row<"benefit_actual">[] = [];
  const audit: Row<"audit_log">[] = [];
  chosen.forEach((type, i) => {
    const id = `${org.odsCode.toLowerCase()}-b${String(i + 1).padStart(2, "0")}`;
    const baseline = Math.round((20 + random() * 80) * 10) / 10;
    const change = (0.1 + random() * 0.4) * baseline;
    const target =
      Math.round((type.direction === "decrease" ? baseline - change : baseline + change) * 10) / 10;
    const targetDate = addMonths(baselineDate, 36);
    const m0 = maturity[0] ?? 0;
    const progressAt = (s: number) => Math.max(0, Math.min(1, ((maturity[s] ?? m0) - m0) / 0.4));
    const last = progressAt(timeline.periods.length);
    const status =
      last >= 0.95 ? "realised" : last > 0.05 ? "in_progress" : random() < 0.2 ? "not_realised" : "planned";
    const createdAt = new Date(`${baselineDate}T09:00:00Z`);
    lines.push({
      id,
      ods_code: org.odsCode,
      benefit_type_code: type.code,
      title: type.name,
      benefit_class: type.benefitClass,
      is_disbenefit: type.isDisbenefit,
      owner: OWNERS[Math.floor(random() * OWNERS.length)] ?? "Benefits lead",
      metric: type.name,
      unit: type.unit,
      direction: type.direction,
      baseline_value: baseline,
      baseline_date: baselineDate,
      baseline_source: "Trust audit before go-live",
      target_value: target,
      target_date: targetDate,
      trajectory: JSON.stringify(
        [12, 24, 36].map((months, k) => ({
          date: addMonths(baselineDate, months),
          value: Math.round((baseline + ((target - baseline) * (k + 1)) / 3) * 10) / 10,
        })),
      ),
      confidence: (["low", "medium", "high"] as const)[Math.floor(random() * 3)] ?? "medium",
      status,
      enabling_functionalities: JSON.stringify(type.enablingFunctionalities.filter((c) => applicable.has(c))),
      full_year_value_gbp:
        type.benefitClass === "cash_releasing" ? Math.round(50_000 + random() * 1_950_000) : null,
      attribution_pct: 50 + Math.floor(random() * 6) * 10,
      double_count_group: random() < 0.15 ? `${org.odsCode.toLowerCase()}-staff-time` : null,
      evidence: null,
      version: 1,
      created_at: createdAt,
      updated_at: createdAt,
      updated_by: editor,
    });
    audit.push({
      at: createdAt,
      actor_email: editor,
      action: "benefit.create",
      entity: "benefit_line",
      entity_key: id,
      ods_code: org.odsCode,
      after: JSON.stringify({ title: type.name, baseline, target }),
    });
    if (status === "planned") return;
    timeline.periods.forEach((period, s) => {
      const value = baseline + (target - baseline) * progressAt(s) + (random() - 0.5) * change * 0.1;
      actuals.push({
        benefit_id: id,
        period,
        value: Math.round(value * 10) / 10,
        source: "Quarterly EPR report",
        recorded_at: new Date(`${periodRange(period).end}T12:00:00Z`),
        recorded_by: editor,
      });
    });
  });
  return { lines, actuals, audit };
}

/** A plan: for some functionalities below "adopted", a target level by a date, some of them at risk. */
export function planRows(
  org: GeneratedOrganisation,
  timeline: Timeline,
  records: Row<"adoption_record">[],
  editor: string,
) {
  const random = seededRandom(hashString(`${timeline.seed}:plan:${org.odsCode}`));
  const items: Row<"plan_item">[] = [];
  const audit: Row<"audit_log">[] = [];
  const createdAt = new Date(`${periodRange(timeline.current).start}T09:00:00Z`);
  for (const r of records) {
    if (r.level >= 3 || random() > 0.3) continue;
    const id = `${org.odsCode.toLowerCase()}-p-${r.functionality_code.toLowerCase()}`;
    const targetDate = addMonths(periodRange(timeline.current).start, 3 * (1 + Math.floor(random() * 8)));
    const status =
      (["not_started", "in_progress", "in_progress", "at_risk"] as const)[Math.floor(random() * 4)] ??
      "in_progress";
    items.push({
      id,
      ods_code: org.odsCode,
      functionality_code: r.functionality_code,
      target_level: r.level >= 2 ? 4 : 3,
      target_date: targetDate,
      owner: OWNERS[Math.floor(random() * OWNERS.length)] ?? "Director of Digital",
      status,
      version: 1,
      created_at: createdAt,
      updated_at: createdAt,
      updated_by: editor,
    });
    audit.push({
      at: createdAt,
      actor_email: editor,
      action: "plan.create",
      entity: "plan_item",
      entity_key: id,
      ods_code: org.odsCode,
      after: JSON.stringify({ functionalityCode: r.functionality_code, targetDate, status }),
    });
  }
  return { items, audit };
}
