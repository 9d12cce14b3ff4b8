import { describe, expect, it } from "vitest";
import {
  countTiers,
  defaultFramework,
  groupsBy,
  heatmapFunctionalities,
  levelMatrix,
  milestoneProgress,
  type NationalTrust,
  nationalOverviewOf,
  peerGroupLabel,
  type RoadmapMilestone,
  sortHeatmapTrusts,
  tierDistribution,
} from "../src/index.js";

const trust = (odsCode: string, over: Partial<NationalTrust> = {}): NationalTrust => ({
  odsCode,
  name: `Trust ${odsCode}`,
  trustType: "acute",
  region: "London",
  eprStatus: "live",
  eprSupplier: "Epic",
  attainedTier: 1,
  progressToNext: 0.5,
  icbCode: "QWE",
  icbName: "South West London",
  ...over,
});

const milestone: RoadmapMilestone = {
  id: "core",
  title: "70% at tier 2",
  targetDate: "2026-03-31",
  measure: "tier_at_least",
  tier: 2,
  shareOfTrusts: 0.7,
  trustTypes: ["acute", "community"],
} as RoadmapMilestone;

describe("national roll-ups", () => {
  it("counts trusts per tier, clamping tiers out of range", () => {
    expect(
      countTiers([{ attainedTier: 0 }, { attainedTier: 2 }, { attainedTier: 7 }, { attainedTier: -1 }], 3),
    ).toEqual([2, 0, 1, 1]);
  });

  it("groups by key in code-point order with 'Not recorded' last", () => {
    const rows = [
      trust("A", { eprSupplier: null, eprStatus: "none" }),
      trust("B", { eprSupplier: "Oracle", attainedTier: 2 }),
      trust("C", { eprSupplier: "Epic" }),
    ];
    const groups = groupsBy(rows, 5, (r) => r.eprSupplier);
    expect(groups.map((g) => [g.key, g.label, g.trusts, g.eprLive])).toEqual([
      ["Epic", "Epic", 1, 1],
      ["Oracle", "Oracle", 1, 1],
      [null, "Not recorded", 1, 0],
    ]);
    expect(groups[1]!.tierCounts).toEqual([0, 0, 1, 0, 0, 0]);
  });

  it("says a milestone is met, not met yet or missed, and lists the closest trusts first", () => {
    const rows = [
      trust("A", { attainedTier: 0, progressToNext: 0.9 }),
      trust("B", { attainedTier: 1, progressToNext: 0.1 }),
      trust("C", { attainedTier: 1, progressToNext: 0.8 }),
      trust("D", { attainedTier: 3 }),
      trust("E", { attainedTier: 0, trustType: "ambulance" }),
    ];
    const before = milestoneProgress(rows, milestone, 2, "2026-01-01");
    expect(before).toMatchObject({
      eligible: 4,
      metNow: 1,
      shareNow: 0.25,
      status: "off_track",
      atRiskTotal: 3,
    });
    expect(before.atRisk.map((t) => t.odsCode)).toEqual(["C", "B"]);
    expect(before.atRisk[0]).not.toHaveProperty("icbCode");
    expect(milestoneProgress(rows, milestone, 2, "2026-04-01").status).toBe("missed");
    expect(milestoneProgress(rows, { ...milestone, shareOfTrusts: 0.25 }, 2, "2027-01-01").status).toBe(
      "met",
    );
    expect(milestoneProgress([], milestone, 2, "2027-01-01")).toMatchObject({ shareNow: 1, status: "met" });
  });

  it("makes every figure of the overview from the same trusts", () => {
    const rows = [
      trust("A", { eprStatus: "procuring", attainedTier: 0 }),
      trust("B"),
      trust("C", { icbCode: null, icbName: null }),
    ];
    const o = nationalOverviewOf(defaultFramework, rows, {
      asOf: "2025-06-01",
      atRiskLimit: 50,
      today: "2025-06-01",
    });
    expect(o.trusts).toBe(3);
    expect(o.eprStatus).toEqual([
      { status: "none", count: 0 },
      { status: "procuring", count: 1 },
      { status: "implementing", count: 0 },
      { status: "live", count: 2 },
    ]);
    expect(o.withoutLiveEpr.map((t) => t.odsCode)).toEqual(["A"]);
    expect(o.tierCounts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(o.groups.icb.map((g) => g.label)).toEqual(["South West London", "Not recorded"]);
    expect(o.milestones).toHaveLength(defaultFramework.milestones.length);
  });
});

describe("the national heatmap", () => {
  it("orders columns by tier then code, and marks functionalities that do not apply with -1", () => {
    const fns = heatmapFunctionalities(defaultFramework);
    for (let i = 1; i < fns.length; i++) {
      const [a, b] = [fns[i - 1]!, fns[i]!];
      expect(a.tier < b.tier || (a.tier === b.tier && a.code.localeCompare(b.code) < 0)).toBe(true);
    }
    expect(heatmapFunctionalities(defaultFramework, 2).every((f) => f.tier === 2)).toBe(true);
    const columns = [
      { code: "F01", appliesTo: ["acute", "ambulance"] },
      { code: "F02", appliesTo: ["acute"] },
    ] as const;
    expect(
      levelMatrix(columns as never, [
        { trustType: "acute", levels: { F01: 3 } },
        { trustType: "ambulance", levels: null },
      ]),
    ).toEqual([3, 0, 0, -1]);
  });
});

describe("peer distributions", () => {
  it("counts members per tier and lists their progress in order", () => {
    expect(
      tierDistribution("All acute trusts", [
        { tier: 2, progress: 0.7 },
        { tier: 0, progress: 0.1 },
        { tier: 2, progress: 0.3 },
      ]),
    ).toEqual({
      group: "All acute trusts",
      trusts: 3,
      tierCounts: [1, 0, 2, 0, 0, 0],
      progress: [0.1, 0.3, 0.7],
    });
    expect(peerGroupLabel.trustType("mental_health")).toBe("All mental health trusts");
    expect(peerGroupLabel.supplier("Epic")).toBe("All trusts on Epic");
  });
});

describe("the heatmap's row orders", () => {
  const t = (
    name: string,
    attainedTier: number,
    progressToNext: number | null,
    region: string,
    eprSupplier: string | null,
  ) => ({
    name,
    attainedTier,
    progressToNext,
    region,
    eprSupplier,
  });
  const trusts = [
    t("Derby", 1, 0.2, "Midlands", "Epic"),
    t("Acton", 2, 0.1, "London", null),
    t("Bristol", 2, 0.6, "South West", "Cerner"),
    t("Carlisle", 0, 0.9, "North West", "Epic"),
  ];
  const names = (sort: Parameters<typeof sortHeatmapTrusts>[1]) =>
    sortHeatmapTrusts(trusts, sort).map((x) => x.name);
  it("sorts by name, tier (then progress), progress, region and supplier (none last), ties by name", () => {
    expect(names("name")).toEqual(["Acton", "Bristol", "Carlisle", "Derby"]);
    expect(names("tier")).toEqual(["Bristol", "Acton", "Derby", "Carlisle"]);
    expect(names("progress")).toEqual(["Carlisle", "Bristol", "Derby", "Acton"]);
    expect(names("region")).toEqual(["Acton", "Derby", "Carlisle", "Bristol"]);
    expect(names("supplier")).toEqual(["Bristol", "Carlisle", "Derby", "Acton"]);
    expect(trusts[0]?.name).toBe("Derby");
  });
});
