import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantiles, rollUp } from "../src/index.js";

describe("quantiles", () => {
  it("returns null for no values", () => {
    expect(quantiles([])).toBeNull();
  });
  it("interpolates between order statistics", () => {
    expect(quantiles([4, 1, 3, 2, 5])).toEqual({ min: 1, q1: 2, median: 3, q3: 4, max: 5 });
    expect(quantiles([0, 1])).toEqual({ min: 0, q1: 0.25, median: 0.5, q3: 0.75, max: 1 });
    expect(quantiles([7])).toEqual({ min: 7, q1: 7, median: 7, q3: 7, max: 7 });
  });
  it("is ordered min ≤ q1 ≤ median ≤ q3 ≤ max (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (xs) => {
        const q = quantiles(xs)!;
        expect(q.min).toBeLessThanOrEqual(q.q1);
        expect(q.q1).toBeLessThanOrEqual(q.median);
        expect(q.median).toBeLessThanOrEqual(q.q3);
        expect(q.q3).toBeLessThanOrEqual(q.max);
      }),
    );
  });
});

const itemArb = fc.record({
  region: fc.constantFrom("London", "Midlands", "North West", "South West"),
  attainedTier: fc.integer({ min: 0, max: 5 }),
  progressToNext: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe("rollUp", () => {
  it("groups, counts tiers and summarises progress", () => {
    const groups = rollUp(
      [
        { region: "London", attainedTier: 2, progressToNext: 0.5 },
        { region: "London", attainedTier: 3, progressToNext: 0.1 },
        { region: "Midlands", attainedTier: 0, progressToNext: 0 },
      ],
      (t) => t.region,
    );
    expect(groups.map((g) => g.group)).toEqual(["London", "Midlands"]);
    expect(groups[0]).toMatchObject({
      count: 2,
      suppressed: false,
      tierCounts: { 0: 0, 1: 0, 2: 1, 3: 1, 4: 0, 5: 0 },
    });
    expect(groups[0]!.progress?.median).toBeCloseTo(0.3);
    expect(groups[0]!.score).toMatchObject({ min: 2.5, max: 3.1 });
  });

  it("suppresses detail for small groups but keeps their count", () => {
    const groups = rollUp([{ attainedTier: 1, progressToNext: 0.2 }], () => "X", { suppressBelow: 5 });
    expect(groups).toEqual([
      { group: "X", count: 1, suppressed: true, tierCounts: null, progress: null, score: null },
    ]);
  });

  it("counts add up to the trusts given, with or without suppression (property)", () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { maxLength: 60 }),
        fc.integer({ min: 0, max: 10 }),
        (items, suppressBelow) => {
          const groups = rollUp(items, (t) => t.region, { suppressBelow });
          expect(groups.reduce((s, g) => s + g.count, 0)).toBe(items.length);
          for (const g of groups) {
            if (g.tierCounts) expect(Object.values(g.tierCounts).reduce((s, n) => s + n, 0)).toBe(g.count);
            expect(g.suppressed).toBe(g.count < suppressBelow);
          }
          const unsuppressed = rollUp(items, (t) => t.region);
          const totals = [0, 1, 2, 3, 4, 5].map((tier) =>
            unsuppressed.reduce((s, g) => s + (g.tierCounts?.[tier as 0] ?? 0), 0),
          );
          expect(totals).toEqual(
            [0, 1, 2, 3, 4, 5].map((tier) => items.filter((i) => i.attainedTier === tier).length),
          );
        },
      ),
    );
  });
});
