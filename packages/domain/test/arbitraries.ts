import fc from "fast-check";
import type { AdoptionMeasures } from "../src/index.js";

/** Any valid set of measures. */
export const measuresArb: fc.Arbitrary<AdoptionMeasures> = fc
  .record({
    coveragePct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    usage: fc.option(
      fc
        .integer({ min: 1, max: 1000 })
        .chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
      { nil: null },
    ),
    paperRetired: fc.boolean(),
    benefitMeasured: fc.boolean(),
    plannedGoLive: fc.option(fc.constant("2026-09-30"), { nil: null }),
  })
  .map(({ usage, ...rest }) => ({
    ...rest,
    usageNumerator: usage?.[0] ?? null,
    usageDenominator: usage?.[1] ?? null,
  }));

/** Raises one measure of a set; never lowers any. */
export const raiseArb = fc.record({
  which: fc.constantFrom("coverage", "usage", "paper", "benefit", "planned"),
  amount: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** Applies a raise. */
export function raise(m: AdoptionMeasures, r: { which: string; amount: number }): AdoptionMeasures {
  switch (r.which) {
    case "coverage": {
      const c = m.coveragePct ?? 0;
      return { ...m, coveragePct: c + (100 - c) * r.amount };
    }
    case "usage": {
      if (m.usageDenominator === null || m.usageNumerator === null)
        return { ...m, usageNumerator: Math.round(1000 * r.amount), usageDenominator: 1000 };
      const n = m.usageNumerator;
      return { ...m, usageNumerator: n + Math.round((m.usageDenominator - n) * r.amount) };
    }
    case "paper":
      return { ...m, paperRetired: true };
    case "benefit":
      return { ...m, benefitMeasured: true };
    default:
      return { ...m, plannedGoLive: m.plannedGoLive ?? "2027-03-31" };
  }
}
