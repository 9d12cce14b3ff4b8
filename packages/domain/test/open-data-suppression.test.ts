import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  OPEN_DATA_DIMENSIONS,
  type OpenDataGroup,
  type OpenDataTrust,
  openDataGroups,
  withheldTrusts,
} from "../src/index.js";

const TIERS = 5;

/** A snapshot of up to 40 trusts over a few values per dimension, so small groups are common. */
const snapshotArb = fc
  .array(
    fc.record({
      region: fc.constantFrom("North", "South", "London"),
      icb: fc.option(fc.constantFrom("QA", "QB", "QC", "QD", "QE"), { nil: null }),
      trustType: fc.constantFrom("acute", "ambulance", "community"),
      supplier: fc.option(fc.constantFrom("Epic", "Oracle", "TPP", "Nervecentre"), { nil: null }),
      attainedTier: fc.integer({ min: 0, max: TIERS }),
      eprLive: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      ({ attainedTier, eprLive, ...groups }, i): OpenDataTrust => ({
        odsCode: `R${i}`,
        groups,
        attainedTier,
        eprLive,
      }),
    ),
  );

/** Everything open data publishes: per-trust figures of the trusts it does not withhold, and every grouping. */
function publish(trusts: readonly OpenDataTrust[], suppressBelow: number) {
  const withheld = withheldTrusts(trusts, suppressBelow);
  const rows = trusts.filter((t) => !withheld.has(t.odsCode));
  const groups = Object.fromEntries(
    OPEN_DATA_DIMENSIONS.map((d) => [d, openDataGroups(trusts, d, suppressBelow, TIERS)]),
  ) as Record<(typeof OPEN_DATA_DIMENSIONS)[number], OpenDataGroup[]>;
  return { rows, groups };
}

/** What summing per-trust rows gives for a set of trusts. */
const sumRows = (rows: readonly OpenDataTrust[]) => {
  const tiers = Array.from({ length: TIERS + 1 }, () => 0);
  for (const r of rows) tiers[r.attainedTier] = (tiers[r.attainedTier] ?? 0) + 1;
  return { tiers, live: rows.filter((r) => r.eprLive).length };
};

const threshold = fc.integer({ min: 1, max: 8 });

describe("open-data suppression that holds", () => {
  it("withholds every trust of a suppressed group from the per-trust rows", () => {
    fc.assert(
      fc.property(snapshotArb, threshold, (trusts, suppressBelow) => {
        const { rows, groups } = publish(trusts, suppressBelow);
        const open = new Set(rows.map((r) => r.odsCode));
        for (const d of OPEN_DATA_DIMENSIONS) {
          for (const g of groups[d].filter((x) => x.suppressed)) {
            expect(g.tierCounts).toBeNull();
            expect(g.eprLive).toBeNull();
            const members = trusts.filter((t) => t.groups[d] === g.group);
            expect(members.some((m) => open.has(m.odsCode))).toBe(false);
          }
        }
      }),
    );
  });

  it("leaves nothing to recover by differencing a published total and the per-trust rows within it", () => {
    fc.assert(
      fc.property(snapshotArb, threshold, (trusts, suppressBelow) => {
        const { rows, groups } = publish(trusts, suppressBelow);
        for (const d of OPEN_DATA_DIMENSIONS) {
          const published = groups[d].filter((g) => !g.suppressed);
          for (const g of published) {
            // The group's total minus its published trusts' rows: the withheld trusts' figures, which must be zero.
            const sum = sumRows(rows.filter((r) => r.groups[d] === g.group));
            expect(g.tierCounts).toEqual(sum.tiers);
            expect(g.eprLive).toBe(sum.live);
            expect(g.trusts - g.withheldTrusts).toBe(rows.filter((r) => r.groups[d] === g.group).length);
          }
          // A national total by this dimension minus the rows gives nothing either.
          const national = published.reduce(
            (acc, g) => acc.map((n, i) => n + (g.tierCounts?.[i] ?? 0)),
            Array.from({ length: TIERS + 1 }, () => 0),
          );
          expect(national).toEqual(sumRows(rows).tiers);
        }
      }),
    );
  });

  it("publishes the same whatever the withheld trusts' figures are, so none can be derived", () => {
    fc.assert(
      fc.property(
        snapshotArb,
        threshold,
        fc.array(fc.tuple(fc.integer({ min: 0, max: TIERS }), fc.boolean()), {
          minLength: 40,
          maxLength: 40,
        }),
        (trusts, suppressBelow, other) => {
          const withheld = withheldTrusts(trusts, suppressBelow);
          const altered = trusts.map((t, i) =>
            withheld.has(t.odsCode)
              ? { ...t, attainedTier: other[i]?.[0] ?? 0, eprLive: other[i]?.[1] ?? false }
              : t,
          );
          expect(publish(altered, suppressBelow)).toEqual(publish(trusts, suppressBelow));
        },
      ),
    );
  });

  it("keeps a trust's rows open when none of its groups is small", () => {
    const trusts: OpenDataTrust[] = Array.from({ length: 6 }, (_, i) => ({
      odsCode: `R${i}`,
      groups: { region: "North", icb: i < 5 ? "QA" : "QB", trustType: "acute", supplier: "Epic" },
      attainedTier: i % 3,
      eprLive: true,
    }));
    expect([...withheldTrusts(trusts, 5)]).toEqual(["R5"]);
    const byRegion = openDataGroups(trusts, "region", 5, TIERS);
    expect(byRegion).toEqual([
      {
        group: "North",
        trusts: 6,
        withheldTrusts: 1,
        suppressed: false,
        eprLive: 5,
        tierCounts: [2, 2, 1, 0, 0, 0],
      },
    ]);
    expect(openDataGroups(trusts, "icb", 5, TIERS)[1]).toMatchObject({ group: "QB", suppressed: true });
  });
});
