import { assessTrust, type EprStatus, type Framework, periodRange } from "@realise/domain";
import { hashString, seededRandom } from "@realise/db/seed";
import { benefitRows, planRows } from "./benefits.js";
import type { GeneratedOrganisation } from "./organisations.js";
import type { Row } from "./rows.js";
import type { Timeline } from "./timeline.js";
import {
  applicableFunctionalities,
  type RecordState,
  recordAt,
  sameState,
  traitsFor,
  trajectoryFor,
  type TrustProfile,
} from "./trajectory.js";

/** Every row one trust contributes, by table. */
export interface TrustRows {
  profile: TrustProfile;
  adoption: Row<"adoption_record">[];
  tier: Row<"organisation_tier">;
  snapshotOrganisation: Row<"snapshot_organisation">[];
  snapshotAdoption: Row<"snapshot_adoption">[];
  returns: Row<"trust_return">[];
  audit: Row<"audit_log">[];
  benefitLines: Row<"benefit_line">[];
  benefitActuals: Row<"benefit_actual">[];
  planItems: Row<"plan_item">[];
}

/** A deterministic moment inside a period (never after `asOf`), so audit history reads in order. */
export function momentIn(period: string, key: string, asOf: string, seed: string): Date {
  const { start, end } = periodRange(period);
  const last = earlierDate(end, asOf);
  const days = Math.max(0, (Date.parse(last) - Date.parse(start)) / 86_400_000);
  const r = seededRandom(hashString(`${seed}:moment:${key}`))();
  return new Date(
    Date.parse(start) + Math.floor(r * days) * 86_400_000 + (8 + Math.floor(r * 9)) * 3_600_000,
  );
}

/** The earlier of two ISO dates (text order is date order). */
const earlierDate = (a: string, b: string) => [a, b].sort()[0] ?? a;

const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

function icbAt(org: GeneratedOrganisation, date: string): string | null | undefined {
  const m = org.memberships.find((x) => x.validFrom <= date && (x.validTo === null || x.validTo >= date));
  if (m) return m.icbCode;
  // No membership at all: the trust exists but its ICB is not recorded. One starting later: not open yet.
  return org.memberships.length === 0 ? null : undefined;
}

/** EPR status back then: a trust live today was implementing while its maturity was low. */
function eprStatusAt(current: EprStatus, maturity: number): EprStatus {
  if (current === "live" && maturity < 0.45) return "implementing";
  if (current === "implementing" && maturity < 0.2) return "procuring";
  return current;
}

const stateDiff = (s: RecordState) => ({
  coveragePct: s.coverage_pct,
  usageNumerator: s.usage_numerator,
  usageDenominator: s.usage_denominator,
  paperRetired: s.paper_retired,
  benefitMeasured: s.benefit_measured,
  plannedGoLive: s.planned_go_live,
  level: s.derived_level,
  rule: s.rule,
});

/**
 * One trust's whole history: its records at each quarter (snapshotted), each change as an audit row,
 * a return per quarter, its record and tier now, its benefits register and its plan.
 */
export function trustHistory(
  framework: Framework,
  org: GeneratedOrganisation,
  timeline: Timeline,
): TrustRows {
  const { periods, current, asOf, seed } = timeline;
  const steps = [...periods, current];
  const random = seededRandom(hashString(`${seed}:history:${org.odsCode}`));
  const trajectory = trajectoryFor(org.odsCode, org.eprStatus, steps.length, seed);
  const functionalities = applicableFunctionalities(framework, org.trustType);
  const editor = `editor.${org.odsCode.toLowerCase()}@generated.realise`;
  const reviewer = "analyst@generated.realise";
  const open = steps.map((p) => icbAt(org, earlierDate(periodRange(p).end, asOf)));

  const rows: TrustRows = {
    profile: trajectory.profile,
    adoption: [],
    tier: {
      ods_code: org.odsCode,
      framework_version: framework.version,
      attained_tier: 0,
      progress_to_next: 0,
    },
    snapshotOrganisation: [],
    snapshotAdoption: [],
    returns: [],
    audit: [],
    benefitLines: [],
    benefitActuals: [],
    planItems: [],
  };

  // states[step][functionality index]
  const states: (RecordState | null)[][] = steps.map(() => []);
  for (const f of functionalities) {
    const traits = traitsFor(org.odsCode, f.code, seed);
    let previous: RecordState | null = null;
    let version = 0;
    let updatedAt = new Date(0);
    const key = `${org.odsCode}/${f.code}`;
    steps.forEach((period, s) => {
      if (open[s] === undefined) {
        states[s]!.push(null);
        return;
      }
      const state = recordAt(f, traits, trajectory.maturity[s] ?? 0, periodRange(period).start);
      states[s]!.push(state);
      if (previous === null || !sameState(previous, state)) {
        version += 1;
        updatedAt = momentIn(period, `${key}:${s}`, asOf, seed);
        rows.audit.push({
          at: updatedAt,
          actor_id: null,
          actor_email: editor,
          action: previous === null ? "adoption.create" : "adoption.update",
          entity: "adoption_record",
          entity_key: key,
          ods_code: org.odsCode,
          before: previous === null ? null : JSON.stringify(stateDiff(previous)),
          after: JSON.stringify(stateDiff(state)),
        });
      }
      previous = state;
    });
    if (previous === null) continue;
    const now: RecordState = previous;
    const { start, end } = periodRange(periods[periods.length - 1] ?? current);
    rows.adoption.push({
      ods_code: org.odsCode,
      functionality_code: f.code,
      coverage_pct: now.coverage_pct,
      usage_numerator: now.usage_numerator,
      usage_denominator: now.usage_denominator,
      window_start: now.usage_numerator === null ? null : start,
      window_end: now.usage_numerator === null ? null : end,
      paper_retired: now.paper_retired,
      benefit_measured: now.benefit_measured,
      planned_go_live: now.planned_go_live,
      claimed_level: null,
      claim_reason: null,
      evidence: "[]",
      notes: "",
      derived_level: now.derived_level,
      level: now.derived_level,
      rule: now.rule,
      validation_state: random() < 0.3 ? "validated" : "self_assessed",
      version,
      updated_at: updatedAt,
      updated_by: editor,
    });
  }

  const assess = (s: number) =>
    assessTrust(
      framework,
      { odsCode: org.odsCode, trustType: org.trustType },
      functionalities.flatMap((f, j) => {
        const st = states[s]?.[j];
        return st
          ? [
              {
                functionalityCode: f.code,
                level: st.derived_level as 0 | 1 | 2 | 3 | 4 | 5,
                coveragePct: st.coverage_pct,
                usageNumerator: st.usage_numerator,
                usageDenominator: st.usage_denominator,
                paperRetired: st.paper_retired,
                benefitMeasured: st.benefit_measured,
              },
            ]
          : [];
      }),
    );

  periods.forEach((period, s) => {
    const icb = open[s];
    if (icb === undefined) return;
    const assessment = assess(s);
    rows.snapshotOrganisation.push({
      period,
      ods_code: org.odsCode,
      trust_type: org.trustType,
      region: org.region,
      icb_code: icb,
      epr_status: eprStatusAt(org.eprStatus, trajectory.maturity[s] ?? 0),
      epr_supplier: org.eprSupplier,
      attained_tier: assessment.attainedTier,
      progress_to_next: assessment.progressToNext,
    });
    const payload: { functionalityCode: string; level: number; coveragePct: number | null }[] = [];
    functionalities.forEach((f, j) => {
      const st = states[s]?.[j];
      if (!st) return;
      payload.push({ functionalityCode: f.code, level: st.derived_level, coveragePct: st.coverage_pct });
      rows.snapshotAdoption.push({
        period,
        ods_code: org.odsCode,
        functionality_code: f.code,
        level: st.derived_level,
        coverage_pct: st.coverage_pct,
        usage_numerator: st.usage_numerator,
        usage_denominator: st.usage_denominator,
        validation_state: random() < 0.4 ? "validated" : "self_assessed",
      });
    });
    const submittedAt = addDays(
      new Date(`${periodRange(period).end}T10:00:00Z`),
      5 + Math.floor(random() * 25),
    );
    const decidedAt = addDays(submittedAt, 3 + Math.floor(random() * 20));
    const decision = random() < 0.03 ? "returned" : "accepted";
    rows.returns.push({
      ods_code: org.odsCode,
      period,
      status: decision,
      framework_version: framework.version,
      payload: JSON.stringify({ records: payload }),
      submitted_by: editor,
      submitted_at: submittedAt,
      decided_by: reviewer,
      decided_at: decidedAt,
      comment: decision === "returned" ? "Evidence for the coverage figures is missing" : null,
      version: 2,
    });
    const returnKey = `${org.odsCode}/${period}`;
    rows.audit.push(
      {
        at: submittedAt,
        actor_email: editor,
        action: "return.submit",
        entity: "trust_return",
        entity_key: returnKey,
        ods_code: org.odsCode,
        after: JSON.stringify({ status: "submitted", records: payload.length }),
      },
      {
        at: decidedAt,
        actor_email: reviewer,
        action: decision === "accepted" ? "return.accept" : "return.return",
        entity: "trust_return",
        entity_key: returnKey,
        ods_code: org.odsCode,
        before: JSON.stringify({ status: "submitted" }),
        after: JSON.stringify({ status: decision }),
      },
    );
  });

  // This quarter: some trusts have already submitted (their records are locked), a few are accepted.
  const nowStep = periods.length;
  if (open[nowStep] !== undefined) {
    const assessment = assess(nowStep);
    rows.tier = {
      ods_code: org.odsCode,
      framework_version: framework.version,
      attained_tier: assessment.attainedTier,
      progress_to_next: assessment.progressToNext,
    };
    const draw = random();
    if (draw < 0.3) {
      const submittedAt = momentIn(current, `${org.odsCode}:return`, asOf, seed);
      const accepted = draw < 0.1;
      rows.returns.push({
        ods_code: org.odsCode,
        period: current,
        status: accepted ? "accepted" : "submitted",
        framework_version: framework.version,
        payload: JSON.stringify({
          records: rows.adoption.map((r) => ({
            functionalityCode: r.functionality_code,
            level: r.level,
            coveragePct: r.coverage_pct ?? null,
          })),
        }),
        submitted_by: editor,
        submitted_at: submittedAt,
        decided_by: accepted ? reviewer : null,
        decided_at: accepted ? submittedAt : null,
        comment: null,
        version: accepted ? 2 : 1,
      });
      rows.audit.push({
        at: submittedAt,
        actor_email: editor,
        action: "return.submit",
        entity: "trust_return",
        entity_key: `${org.odsCode}/${current}`,
        ods_code: org.odsCode,
        after: JSON.stringify({ status: "submitted" }),
      });
    }
  }

  const benefits = benefitRows(framework, org, timeline, trajectory.maturity, functionalities, editor);
  rows.benefitLines = benefits.lines;
  rows.benefitActuals = benefits.actuals;
  rows.audit.push(...benefits.audit);
  const plans = planRows(org, timeline, rows.adoption, editor);
  rows.planItems = plans.items;
  rows.audit.push(...plans.audit);
  return rows;
}
