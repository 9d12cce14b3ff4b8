import { describe, expect, it } from "vitest";
import {
  defaultFramework,
  forecastTiers,
  itemProgress,
  milestonePositions,
  nationalPlanRollUp,
  newPlanItemIssues,
  type PlanItem,
  planItemIssues,
  type TierForecast,
} from "../src/index.js";
import { allAt } from "./helpers.js";

const fw = defaultFramework;

describe("itemProgress", () => {
  const item = { targetLevel: 3, targetDate: "2026-03-31", status: "in_progress" as const };

  it("is reached when the level shows it, whatever the date", () => {
    expect(itemProgress(item, 3, "2027-01-01")).toEqual({
      currentLevel: 3,
      state: "reached",
      slippageDays: 0,
      doneButNotReached: false,
    });
  });

  it("is due up to its date and overdue after it, by the days past", () => {
    expect(itemProgress(item, 2, "2026-03-31")).toMatchObject({ state: "due", slippageDays: 0 });
    expect(itemProgress(item, 2, "2026-04-10")).toMatchObject({ state: "overdue", slippageDays: 10 });
  });

  it("flags an item marked done that the measures do not show", () => {
    expect(itemProgress({ ...item, status: "done" }, 2, "2026-01-01").doneButNotReached).toBe(true);
    expect(itemProgress({ ...item, status: "done" }, 4, "2026-01-01").doneButNotReached).toBe(false);
  });
});

describe("plan item checks", () => {
  const notForAmbulances = fw.functionalities.find((f) => !f.appliesTo.includes("ambulance"))!;

  it("accepts a functionality of the framework that applies to the trust", () => {
    expect(planItemIssues(fw, "acute", { functionalityCode: notForAmbulances.code })).toEqual([]);
  });

  it("names the functionality when the framework lacks it or it does not apply", () => {
    expect(planItemIssues(fw, "acute", { functionalityCode: "F999" })).toEqual([
      { path: ["functionalityCode"], message: "Functionality F999 is not in framework version 1" },
    ]);
    expect(planItemIssues(fw, "mental_health", { functionalityCode: "F999" })).toHaveLength(1);
    const ambulance = planItemIssues(fw, "ambulance", { functionalityCode: notForAmbulances.code });
    expect(ambulance).toEqual([
      { path: ["functionalityCode"], message: `${notForAmbulances.name} does not apply to ambulance trusts` },
    ]);
  });

  it("writes a new item at expected version 0 only", () => {
    expect(newPlanItemIssues(0)).toEqual([]);
    expect(newPlanItemIssues(3)).toEqual([
      { path: ["expectedVersion"], message: "A new plan item has expected version 0" },
    ]);
  });
});

const forecast = (tier: number, attainedNow: boolean, forecastDate: string | null): TierForecast => ({
  tier,
  attainedNow,
  forecastDate,
  status: attainedNow ? "attained" : forecastDate ? "forecast" : "not_planned",
});

describe("milestonePositions", () => {
  it("places a trust against each milestone from its EPR status and tier forecasts", () => {
    const positions = milestonePositions(
      fw,
      { odsCode: "RCF", trustType: "acute", eprStatus: "implementing" },
      [forecast(1, true, null), forecast(2, false, "2026-06-30")],
    );
    expect(positions.map((p) => p.milestoneId)).toEqual(fw.milestones.map((m) => m.id));
    const epr = positions.find((p) => p.measure === "epr_live")!;
    expect(epr).toMatchObject({ applies: true, attainedNow: false, forecastDate: null, late: true });
    const core = positions.find((p) => p.measure === "tier_at_least")!;
    expect(core).toMatchObject({ tier: 2, attainedNow: false, forecastDate: "2026-06-30", late: true });
    expect(core.slippageDays).toBe(91);
    const live = milestonePositions(fw, { odsCode: "RCF", trustType: "acute", eprStatus: "live" }, [
      forecast(2, true, null),
    ]);
    expect(live.every((p) => p.attainedNow && !p.late)).toBe(true);
  });
});

describe("nationalPlanRollUp", () => {
  const trusts = [
    {
      odsCode: "AAA",
      name: "Alpha",
      trustType: "acute",
      region: "London",
      icbCode: "Q1",
      icbName: "One",
      eprStatus: "live",
    },
    {
      odsCode: "BBB",
      name: "Bravo",
      trustType: "acute",
      region: "London",
      icbCode: "Q1",
      icbName: "One",
      eprStatus: "live",
    },
    {
      odsCode: "CCC",
      name: "Charlie",
      trustType: "acute",
      region: "North West",
      icbCode: null,
      icbName: null,
      eprStatus: "procuring",
    },
  ];
  const item = (odsCode: string, targetDate: string, targetLevel = 3): PlanItem => ({
    odsCode,
    functionalityCode: "F13",
    targetLevel,
    targetDate,
    owner: "CCIO",
    status: "in_progress",
  });

  it("gives each milestone's share nationally, by region and by ICB, with the late trusts latest first", () => {
    const result = nationalPlanRollUp({
      framework: fw,
      trusts,
      forecasts: new Map([
        ["AAA", [forecast(2, true, null)]],
        ["BBB", [forecast(2, false, "2027-03-31")]],
        ["CCC", [forecast(2, false, "2026-09-30")]],
      ]),
      items: [item("AAA", "2025-01-01"), item("BBB", "2025-01-01"), item("BBB", "2030-01-01")],
      levels: new Map([["AAA/F13", 3]]),
      today: "2026-01-01",
    });
    expect(result).toMatchObject({
      today: "2026-01-01",
      planItems: 3,
      overdueItems: 1,
      trustsWithPlan: 2,
      trusts: 3,
    });
    const core = result.milestones.find((m) => m.measure === "tier_at_least")!;
    expect(core).toMatchObject({ eligible: 3, metNow: 1, tier: 2 });
    expect(core.byRegion.map((g) => [g.key, g.eligible, g.metNow])).toEqual([
      ["North West", 1, 0],
      ["London", 2, 1],
    ]);
    expect(core.byIcb.map((g) => g.label)).toEqual(["Not known", "One"]);
    expect(core.atRisk.map((t) => [t.odsCode, t.slippageDays])).toEqual([
      ["BBB", 365],
      ["CCC", 183],
    ]);
    const epr = result.milestones.find((m) => m.measure === "epr_live")!;
    expect(epr.atRisk.map((t) => [t.odsCode, t.slippageDays])).toEqual([["CCC", null]]);
  });

  it("agrees with the forecasts the domain makes from records and plans", () => {
    const records = allAt(fw, "acute", 3);
    const tiers = forecastTiers(fw, { odsCode: "AAA", trustType: "acute" }, records, []);
    const result = nationalPlanRollUp({
      framework: fw,
      trusts: trusts.slice(0, 1),
      forecasts: new Map([["AAA", tiers]]),
      items: [],
      levels: new Map(),
      today: "2026-01-01",
    });
    const core = result.milestones.find((m) => m.measure === "tier_at_least")!;
    expect(core.metNow).toBe(tiers.find((t) => t.tier === 2)!.attainedNow ? 1 : 0);
    expect(result.trustsWithPlan).toBe(0);
  });
});
