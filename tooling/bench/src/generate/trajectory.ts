import { deriveAdoptionLevel, type Framework, type Functionality, type TrustType } from "@realise/domain";
import { hashString, seededRandom } from "@realise/db/seed";

/** How a trust's adoption moves over the generated quarters. */
export type TrustProfile = "progressing" | "stalled" | "late_starter" | "setback";

const EPR_MATURITY: Record<string, number> = { none: 0.05, procuring: 0.15, implementing: 0.35, live: 0.7 };

export interface Trajectory {
  profile: TrustProfile;
  /** Maturity 0..1 at each step (the historic periods, then now). */
  maturity: number[];
}

const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));

/**
 * A trust's maturity over `steps` quarters, ending near where its EPR status puts it today. Most trusts
 * progress, some stall part-way, a few start late, and a few suffer a setback (an EPR replacement) and recover.
 */
export function trajectoryFor(odsCode: string, eprStatus: string, steps: number, seed: string): Trajectory {
  const random = seededRandom(hashString(`${seed}:trajectory:${odsCode}`));
  const end = clamp((EPR_MATURITY[eprStatus] ?? 0.3) + (random() - 0.5) * 0.5);
  const r = random();
  const profile: TrustProfile =
    r < 0.62 ? "progressing" : r < 0.85 ? "stalled" : r < 0.95 ? "late_starter" : "setback";
  const span = Math.max(1, steps - 1);
  const rise = 0.15 + random() * 0.35;
  const start = clamp(end - rise);
  const turn = 1 + Math.floor(random() * Math.max(1, steps - 2));
  const maturity: number[] = [];
  for (let t = 0; t < steps; t++) {
    const x = t / span;
    let m: number;
    if (profile === "progressing") m = start + (end - start) * x;
    else if (profile === "stalled") m = t < turn ? start + (end - start) * (t / turn) : end;
    else if (profile === "late_starter")
      m = t < turn ? start : start + (end - start) * ((t - turn) / Math.max(1, span - turn));
    else m = start + (end - start) * x - (t >= turn && t < turn + 3 ? 0.2 : 0);
    maturity.push(clamp(m + (random() - 0.5) * 0.02));
  }
  return { profile, maturity };
}

/** The measures of one record at one step, in the database's column names. */
export interface RecordState {
  coverage_pct: number | null;
  usage_numerator: number | null;
  usage_denominator: number | null;
  paper_retired: boolean;
  benefit_measured: boolean;
  planned_go_live: string | null;
  derived_level: number;
  rule: string;
}

/** Per trust and functionality, the things that do not change from quarter to quarter. */
export interface RecordTraits {
  offset: number;
  denominator: number;
  usageBias: number;
  paperDraw: number;
  benefitDraw: number;
  planDraw: number;
  plannedMonths: number;
}

export function traitsFor(odsCode: string, code: string, seed: string): RecordTraits {
  const random = seededRandom(hashString(`${seed}:record:${odsCode}:${code}`));
  return {
    offset: (random() - 0.5) * 40,
    denominator: 200 + Math.floor(random() * 4800),
    usageBias: (random() - 0.3) * 0.2,
    paperDraw: random(),
    benefitDraw: random(),
    planDraw: random(),
    plannedMonths: 3 + Math.floor(random() * 24),
  };
}

function addMonths(isoDate: string, months: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The measures of a record at a maturity. Coverage moves in 5% steps, so a record changes (and gets an
 * audit row) when the trust's maturity really moves, not every quarter.
 */
export function recordAt(
  functionality: Functionality,
  traits: RecordTraits,
  maturity: number,
  periodStart: string,
): RecordState {
  const reach = maturity * 125 - (functionality.tier - 1) * 24 + traits.offset;
  const coverage = Math.round(clamp(reach, 0, 100) / 5) * 5;
  const planned = coverage === 0 && traits.planDraw < maturity + 0.2;
  const share = coverage === 0 ? 0 : clamp(coverage / 100 - 0.05 + traits.usageBias);
  const numerator = coverage === 0 ? null : Math.round(traits.denominator * share);
  const measures = {
    coveragePct: coverage === 0 ? null : coverage,
    usageNumerator: numerator,
    usageDenominator: numerator === null ? null : traits.denominator,
    paperRetired: coverage >= 80 && traits.paperDraw < maturity,
    benefitMeasured: coverage >= 90 && traits.benefitDraw < maturity * 0.6,
    plannedGoLive: planned ? addMonths(periodStart, traits.plannedMonths) : null,
  };
  const derived = deriveAdoptionLevel(functionality, measures);
  return {
    coverage_pct: measures.coveragePct,
    usage_numerator: measures.usageNumerator,
    usage_denominator: measures.usageDenominator,
    paper_retired: measures.paperRetired,
    benefit_measured: measures.benefitMeasured,
    planned_go_live: measures.plannedGoLive,
    derived_level: derived.level,
    rule: derived.rule,
  };
}

/** Functionalities that apply to a trust type, in code order. */
export function applicableFunctionalities(framework: Framework, trustType: string): Functionality[] {
  return framework.functionalities
    .filter((f) => f.appliesTo.includes(trustType as TrustType))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function sameState(a: RecordState, b: RecordState): boolean {
  return (
    a.coverage_pct === b.coverage_pct &&
    a.usage_numerator === b.usage_numerator &&
    a.paper_retired === b.paper_retired &&
    a.benefit_measured === b.benefit_measured &&
    a.planned_go_live === b.planned_go_live &&
    a.derived_level === b.derived_level
  );
}
