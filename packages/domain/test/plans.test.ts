import { describe, expect, it } from "vitest";
import {
  type PlanItem,
  PlanItemSchema,
  defaultFramework,
  forecastTiers,
  MILESTONE_STATUS_LABELS,
  milestoneSlippage,
  milestoneStatus,
  trustMilestoneInput,
} from "../src/index.js";
import { allAt } from "./helpers.js";

const fw = defaultFramework;
const org = { odsCode: "RCF", trustType: "acute" as const };
const item = (
  functionalityCode: string,
  targetLevel: number,
  targetDate: string,
  status: PlanItem["status"] = "in_progress",
): PlanItem => ({
  odsCode: "RCF",
  functionalityCode,
  targetLevel,
  targetDate,
  owner: "CCIO",
  status,
});

describe("forecastTiers", () => {
  it("finds the date the plan makes each tier attained", () => {
    // Everything adopted except ePMA, which is only live: tier 1 now, tier 2 when ePMA is adopted.
    const records = allAt(fw, "acute", 3).map((r) =>
      r.functionalityCode === "F13" ? { ...r, level: 2 } : r,
    );
    const embed = fw.criteria
      .filter((c) => c.tier === 3 && c.requiredLevel === 4)
      .flatMap((c) => c.functionalityCodes);
    const plan = [
      item("F13", 3, "2026-01-31"),
      ...embed.map((code) => item(code, 4, "2026-09-30", code === "F07" ? "at_risk" : "in_progress")),
      item("F99", 5, "2025-01-01"),
      { ...item("F13", 5, "2025-05-01"), odsCode: "RBS" },
    ];
    const f = forecastTiers(fw, org, records, plan);
    expect(f.map((t) => [t.tier, t.status, t.forecastDate])).toEqual([
      [1, "attained", null],
      [2, "forecast", "2026-01-31"],
      [3, "forecast", "2026-09-30"],
      [4, "not_planned", null],
      [5, "not_planned", null],
    ]);
    const cautious = forecastTiers(fw, org, records, plan, { excludeAtRisk: true });
    expect(cautious.find((t) => t.tier === 3)?.status).toBe("not_planned");
  });
});

describe("milestoneSlippage", () => {
  const core = fw.milestones.find((m) => m.measure === "tier_at_least")!;
  const epr = fw.milestones.find((m) => m.measure === "epr_live")!;

  it("dates the milestone by the trust that completes the required share", () => {
    const trusts = [
      { odsCode: "A01", trustType: "acute" as const, attainedNow: true, forecastDate: null },
      { odsCode: "A02", trustType: "acute" as const, attainedNow: true, forecastDate: null },
      { odsCode: "A03", trustType: "mental_health" as const, attainedNow: false, forecastDate: "2026-06-30" },
      { odsCode: "A04", trustType: "community" as const, attainedNow: false, forecastDate: "2026-02-28" },
      { odsCode: "A05", trustType: "ambulance" as const, attainedNow: false, forecastDate: null },
    ];
    const s = milestoneSlippage(core, trusts, "2026-01-01");
    expect(s).toMatchObject({
      eligible: 5,
      requiredCount: 4,
      metNow: 2,
      metByTarget: 3,
      forecastDate: "2026-06-30",
      slippageDays: 91,
      status: "off_track",
    });
    expect(s.trusts.find((t) => t.odsCode === "A04")).toMatchObject({ slippageDays: -31, late: false });
    expect(s.trusts.find((t) => t.odsCode === "A05")).toMatchObject({ slippageDays: null, late: true });
  });

  it("reports met, on track, off track (no forecast) and missed, in the one vocabulary", () => {
    const live = { odsCode: "A", trustType: "acute" as const, attainedNow: true, forecastDate: null };
    const early = { ...live, odsCode: "B", attainedNow: false, forecastDate: "2026-03-01" };
    expect(milestoneSlippage(epr, [live], "2026-01-01").status).toBe("met");
    expect(milestoneSlippage(epr, [live, early], "2026-01-01")).toMatchObject({
      status: "on_track",
      slippageDays: -30,
    });
    expect(milestoneSlippage(epr, [live, { ...early, forecastDate: null }], "2026-01-01")).toMatchObject({
      status: "off_track",
      slippageDays: null,
    });
    // Once the target date has passed unmet, it is missed, whatever the forecast said.
    const target = epr.targetDate;
    const dayAfter = new Date(Date.parse(`${target}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(milestoneSlippage(epr, [live, early], dayAfter).status).toBe("missed");
    expect(MILESTONE_STATUS_LABELS).toEqual({
      met: "Met",
      on_track: "On track",
      off_track: "Off track",
      missed: "Missed",
    });
    expect(milestoneStatus({ metNow: false, targetDate: target, today: target, forecastDate: target })).toBe(
      "on_track",
    );
  });

  it("builds a trust's input from its EPR status or tier forecasts", () => {
    expect(
      trustMilestoneInput(epr, {
        odsCode: "A",
        trustType: "acute",
        eprStatus: "implementing",
        eprGoLiveDate: "2026-05-01",
      }),
    ).toEqual({ odsCode: "A", trustType: "acute", attainedNow: false, forecastDate: "2026-05-01" });
    expect(
      trustMilestoneInput(core, {
        odsCode: "A",
        trustType: "acute",
        tierForecasts: [{ tier: 2, attainedNow: false, forecastDate: "2026-01-31", status: "forecast" }],
      }),
    ).toMatchObject({ attainedNow: false, forecastDate: "2026-01-31" });
  });
});

describe("PlanItemSchema", () => {
  it("names the field in its errors", () => {
    const r = PlanItemSchema.safeParse({ ...item("F13", 7, "2026-13-01"), owner: "" });
    expect(r.success ? [] : r.error.issues.map((i) => i.message).sort()).toEqual([
      "Adoption level must be from 0 to 5",
      "Owner is required",
      "Target date must be a date in the form YYYY-MM-DD",
    ]);
  });
});
