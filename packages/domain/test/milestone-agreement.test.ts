import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defaultFramework,
  milestonePositions,
  type NationalTrust,
  nationalOverviewOf,
  nationalPlanRollUp,
  type TierForecast,
} from "../src/index.js";

const fw = defaultFramework;
const epr = fw.milestones.find((m) => m.measure === "epr_live")!;
const tiers = fw.tiers.length;

/** A trust as both national views see it: its EPR, planned go-live, attained tier and tier forecasts. */
interface Case {
  odsCode: string;
  trustType: "acute" | "mental_health" | "community" | "ambulance";
  eprStatus: "none" | "procuring" | "implementing" | "live";
  eprGoLiveDate: string | null;
  attainedTier: number;
  /** For each tier above the attained one: when the plan reaches it, or null if it does not. */
  planned: (string | null)[];
}

const date = fc
  .integer({ min: 0, max: 900 })
  .map((d) => new Date(Date.UTC(2025, 6, 1) + d * 86_400_000).toISOString().slice(0, 10));

const trustCase = (i: number): fc.Arbitrary<Case> =>
  fc.record({
    odsCode: fc.constant(`T${String(i).padStart(2, "0")}`),
    trustType: fc.constantFrom("acute", "mental_health", "community", "ambulance"),
    eprStatus: fc.constantFrom("none", "procuring", "implementing", "live"),
    eprGoLiveDate: fc.option(date, { nil: null }),
    attainedTier: fc.integer({ min: 0, max: tiers }),
    planned: fc.array(fc.option(date, { nil: null }), { minLength: tiers, maxLength: tiers }),
  });

/** The tier forecasts of a case: a tier is reached when it and every tier below it are (never, if one is not). */
const forecastsOf = (c: Case): TierForecast[] => {
  let reached: string | null | undefined; // the latest date so far among the tiers above the attained one
  return fw.tiers.map((t, n): TierForecast => {
    if (t.number <= c.attainedTier)
      return { tier: t.number, attainedNow: true, forecastDate: null, status: "attained" };
    const own = c.planned[n] ?? null;
    reached =
      reached === null || own === null ? null : reached !== undefined && reached > own ? reached : own;
    return {
      tier: t.number,
      attainedNow: false,
      forecastDate: reached,
      status: reached ? "forecast" : "not_planned",
    };
  });
};

const asNational = (c: Case): NationalTrust => ({
  odsCode: c.odsCode,
  name: c.odsCode,
  trustType: c.trustType,
  region: "London",
  eprStatus: c.eprStatus,
  eprSupplier: null,
  attainedTier: c.attainedTier,
  progressToNext: null,
  icbCode: "Q1",
  icbName: "One",
  eprGoLiveDate: c.eprGoLiveDate,
});

describe("a planned EPR go-live in milestone status", () => {
  it("is the forecast of an EPR milestone for a trust without a live EPR", () => {
    const trust = {
      odsCode: "RCF",
      trustType: "acute",
      eprStatus: "implementing",
      eprGoLiveDate: "2026-02-01",
    };
    const position = milestonePositions(fw, trust, []).find((p) => p.milestoneId === epr.id)!;
    expect(position).toMatchObject({ attainedNow: false, forecastDate: "2026-02-01", late: false });
    expect(position.slippageDays).toBe(-58);
    const none = milestonePositions(fw, { ...trust, eprGoLiveDate: null }, []).find(
      (p) => p.milestoneId === epr.id,
    )!;
    expect(none).toMatchObject({ forecastDate: null, late: true });
  });

  it("puts an EPR milestone on track nationally when every trust not live plans to go live by its date", () => {
    const base = { name: "x", region: "London", icbCode: "Q1", icbName: "One", trustType: "acute" };
    const trusts: Array<
      typeof base & { odsCode: string; eprStatus: Case["eprStatus"]; eprGoLiveDate: string | null }
    > = [
      { ...base, odsCode: "AAA", eprStatus: "live", eprGoLiveDate: null },
      { ...base, odsCode: "BBB", eprStatus: "implementing", eprGoLiveDate: "2026-03-01" },
    ];
    const rollUp = (goLive: string | null) =>
      nationalPlanRollUp({
        framework: fw,
        trusts: [trusts[0]!, { ...trusts[1]!, eprGoLiveDate: goLive }],
        forecasts: new Map(),
        items: [],
        levels: new Map(),
        today: "2026-01-15",
      }).milestones.find((m) => m.milestoneId === epr.id)!;
    expect(rollUp("2026-03-01")).toMatchObject({
      status: "on_track",
      forecastDate: "2026-03-01",
      atRisk: [],
    });
    expect(rollUp("2026-05-01")).toMatchObject({ status: "off_track", slippageDays: 31 });
    expect(rollUp(null).status).toBe("off_track");
    const overview = nationalOverviewOf(
      fw,
      trusts.map((t) => asNational({ ...t, trustType: "acute", attainedTier: 0, planned: [] })),
      {
        asOf: "2026-01-15",
        atRiskLimit: 10,
        today: "2026-01-15",
        forecasts: new Map(),
      },
    );
    expect(overview.milestones.find((m) => m.id === epr.id)!.status).toBe("on_track");
  });

  it("gives every milestone the same status on the overview as on the benefits and plans page", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => trustCase(i)))),
        date,
        (cases, today) => {
          const forecasts = new Map(cases.map((c) => [c.odsCode, forecastsOf(c)]));
          const rows = cases.map(asNational);
          const plans = nationalPlanRollUp({
            framework: fw,
            trusts: rows,
            forecasts,
            items: [],
            levels: new Map(),
            today,
          });
          const overview = nationalOverviewOf(fw, rows, { asOf: today, atRiskLimit: 0, today, forecasts });
          expect(overview.milestones.map((m) => [m.id, m.status])).toEqual(
            plans.milestones.map((m) => [m.milestoneId, m.status]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
