import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AssessableRecord,
  assessTrust,
  defaultFramework,
  forecastTiers,
  TRUST_TYPES,
  type TrustType,
} from "../src/index.js";

const fw = defaultFramework;
const codes = fw.functionalities.map((f) => f.code);

/** The forecast as first written: a full assessment of the trust at each plan date. */
function forecastByAssessment(
  trustType: TrustType,
  records: AssessableRecord[],
  items: { functionalityCode: string; targetLevel: number; targetDate: string }[],
) {
  const org = { odsCode: "RXX", trustType };
  const now = assessTrust(fw, org, records);
  const levels = new Map(records.map((r) => [r.functionalityCode, r]));
  const sorted = [...items].sort((a, b) =>
    a.targetDate < b.targetDate ? -1 : a.targetDate > b.targetDate ? 1 : 0,
  );
  const forecast = new Map<number, string>();
  for (let i = 0; i < sorted.length; ) {
    const date = sorted[i]!.targetDate;
    for (; i < sorted.length && sorted[i]!.targetDate === date; i++) {
      const item = sorted[i]!;
      const prev = levels.get(item.functionalityCode);
      if (prev && prev.level >= item.targetLevel) continue;
      levels.set(item.functionalityCode, {
        ...(prev ?? {
          functionalityCode: item.functionalityCode,
          coveragePct: null,
          usageNumerator: null,
          usageDenominator: null,
          paperRetired: false,
        }),
        level: item.targetLevel,
      });
    }
    for (const t of assessTrust(fw, org, [...levels.values()]).tiers)
      if (t.attained && !forecast.has(t.tier)) forecast.set(t.tier, date);
  }
  return now.tiers.map((t) =>
    t.attained
      ? [t.tier, "attained", null]
      : [t.tier, forecast.has(t.tier) ? "forecast" : "not_planned", forecast.get(t.tier) ?? null],
  );
}

describe("forecastTiers scores levels by the same tier rule as a full assessment", () => {
  it("gives the same forecast as assessing the trust at every plan date", () => {
    const level = fc.integer({ min: 0, max: 5 });
    fc.assert(
      fc.property(
        fc.constantFrom<TrustType>(...TRUST_TYPES),
        fc.array(level, { minLength: codes.length, maxLength: codes.length }),
        fc.array(
          fc.record({
            functionalityCode: fc.constantFrom(...codes),
            targetLevel: level,
            targetDate: fc.constantFrom("2026-03-31", "2026-09-30", "2027-03-31", "2027-09-30"),
          }),
          { maxLength: 30 },
        ),
        (trustType, levels, items) => {
          const records = codes.map((functionalityCode, i) => ({
            functionalityCode,
            level: levels[i]!,
            coveragePct: null,
            usageNumerator: null,
            usageDenominator: null,
            paperRetired: false,
          }));
          const plan = items.map((p) => ({ ...p, odsCode: "RXX", status: "in_progress" as const }));
          const got = forecastTiers(fw, { odsCode: "RXX", trustType }, records, plan);
          expect(got.map((t) => [t.tier, t.status, t.forecastDate])).toEqual(
            forecastByAssessment(trustType, records, items),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
