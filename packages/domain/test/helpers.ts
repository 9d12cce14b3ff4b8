import type {
  AdoptionLevel,
  AdoptionMeasures,
  AssessableRecord,
  Framework,
  Functionality,
  TrustType,
} from "../src/index.js";
import { deriveAdoptionLevel } from "../src/index.js";

/** Measures that derive exactly `level` for a functionality. */
export function measuresFor(fn: Functionality, level: AdoptionLevel): AdoptionMeasures {
  const none: AdoptionMeasures = {
    coveragePct: null,
    usageNumerator: null,
    usageDenominator: null,
    paperRetired: false,
    benefitMeasured: false,
    plannedGoLive: null,
  };
  const at = (t: { coveragePct: number; usagePct: number }) => ({
    coveragePct: t.coveragePct,
    usageNumerator: Math.ceil(t.usagePct * 10),
    usageDenominator: 1000,
  });
  switch (level) {
    case 0:
      return none;
    case 1:
      return { ...none, plannedGoLive: "2026-09-30" };
    case 2:
      return { ...none, coveragePct: 10, usageNumerator: 0, usageDenominator: 1000 };
    case 3:
      return { ...none, ...at(fn.thresholds.l3) };
    case 4:
      return { ...none, ...at(fn.thresholds.l4), paperRetired: true };
    case 5:
      return { ...none, ...at(fn.thresholds.l5), paperRetired: true, benefitMeasured: true };
  }
}

/** A record as the API would pass it, from measures. */
export function recordFrom(
  fn: Functionality,
  m: AdoptionMeasures,
  extra: Partial<AssessableRecord> = {},
): AssessableRecord {
  const d = deriveAdoptionLevel(fn, m);
  return {
    functionalityCode: fn.code,
    level: d.level,
    derivedLevel: d.level,
    coveragePct: m.coveragePct,
    usageNumerator: m.usageNumerator,
    usageDenominator: m.usageDenominator,
    paperRetired: m.paperRetired,
    benefitMeasured: m.benefitMeasured,
    plannedGoLive: m.plannedGoLive,
    ...extra,
  };
}

/** Records for every functionality applicable to a trust type, all at one level. */
export function allAt(framework: Framework, trustType: TrustType, level: AdoptionLevel): AssessableRecord[] {
  return framework.functionalities
    .filter((f) => f.appliesTo.includes(trustType))
    .map((f) => recordFrom(f, measuresFor(f, level)));
}

/** Looks a functionality up or fails the test. */
export function fn(framework: Framework, code: string): Functionality {
  const f = framework.functionalities.find((x) => x.code === code);
  if (!f) throw new Error(`no ${code}`);
  return f;
}
