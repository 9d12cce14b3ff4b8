import { describe, expect, it } from "vitest";
import {
  type BenefitLine,
  BenefitLineSchema,
  benefitFlags,
  benefitMeasuredFor,
  benefitProgress,
  defaultFramework,
  totalsWithoutDoubleCounting,
} from "../src/index.js";

const line = (over: Partial<BenefitLine> = {}): BenefitLine => ({
  id: "L1",
  odsCode: "RCF",
  benefitTypeCode: "B01",
  title: "Fewer medication errors",
  benefitClass: "quantitative_non_monetised",
  isDisbenefit: false,
  owner: "Chief Pharmacist",
  metric: "Medication errors per 1,000 administrations",
  unit: "errors per 1,000 administrations",
  direction: "decrease",
  baseline: { value: 10, date: "2025-04-01", source: "Datix 2024/25" },
  target: { value: 6, date: "2026-03-31" },
  trajectory: [{ date: "2025-09-30", value: 8 }],
  actuals: [
    { period: "2025/26 Q1", value: 9.5 },
    { period: "2025/26 Q2", value: 7 },
  ],
  confidence: "medium",
  status: "in_progress",
  enablingFunctionalities: ["F13", "F14"],
  fullYearValueGbp: 100_000,
  attributionPct: 50,
  doubleCountGroup: null,
  evidence: null,
  ...over,
});

describe("benefitProgress", () => {
  it("measures progress towards a target that should decrease", () => {
    const p = benefitProgress(line());
    expect(p.latestActual).toBe(7);
    expect(p.latestPeriod).toBe("2025/26 Q2");
    expect(p.progress).toBeCloseTo(0.75); // (7 − 10) / (6 − 10)
    expect(p.realisedValueGbp).toBeCloseTo(37_500); // 100k × 50% × 0.75
    // The trajectory at 30 Sep 2025 is 8; an actual of 7 is 1 better than planned.
    expect(p.trajectoryVariance).toBeCloseTo(1);
    expect(p.onTrack).toBe(true);
  });

  it("treats a worsening as negative progress and behind plan", () => {
    const p = benefitProgress(line({ actuals: [{ period: "2025/26 Q2", value: 11 }] }));
    expect(p.progress).toBeCloseTo(-0.25);
    expect(p.realisedValueGbp).toBe(0);
    expect(p.trajectoryVariance).toBeCloseTo(-3);
    expect(p.onTrack).toBe(false);
  });

  it("measures increases the other way round", () => {
    const p = benefitProgress(
      line({
        direction: "increase",
        baseline: { value: 40, date: "2025-04-01", source: "x" },
        target: { value: 90, date: "2026-03-31" },
        trajectory: [],
        actuals: [{ period: "2025/26 Q4", value: 95 }],
      }),
    );
    expect(p.progress).toBeCloseTo(1.1);
    expect(p.realisedValueGbp).toBeCloseTo(50_000); // clamped at 100%
    expect(p.trajectoryVariance).toBeCloseTo(5);
  });

  it("has no progress without actuals", () => {
    expect(benefitProgress(line({ actuals: [] }))).toMatchObject({
      progress: null,
      latestActual: null,
      trajectoryVariance: null,
      onTrack: null,
      realisedValueGbp: 0,
    });
  });

  it("for a dis-benefit, less harm than planned is ahead", () => {
    const p = benefitProgress(
      line({
        isDisbenefit: true,
        direction: "increase",
        baseline: { value: 60, date: "2025-04-01", source: "x" },
        target: { value: 80, date: "2026-03-31" },
        trajectory: [],
        actuals: [{ period: "2025/26 Q4", value: 70 }],
      }),
    );
    expect(p.trajectoryVariance).toBeCloseTo(10);
    expect(p.onTrack).toBe(true);
  });
});

describe("totalsWithoutDoubleCounting", () => {
  it("counts a double-count group once, by its largest line, and subtracts dis-benefits", () => {
    const lines = [
      line({ id: "A", fullYearValueGbp: 100_000, attributionPct: 100, doubleCountGroup: "nurse-time" }),
      line({ id: "B", fullYearValueGbp: 150_000, attributionPct: 100, doubleCountGroup: "nurse-time" }),
      line({ id: "C", fullYearValueGbp: 20_000, attributionPct: 50, doubleCountGroup: null }),
      line({
        id: "D",
        fullYearValueGbp: 5_000,
        attributionPct: 100,
        isDisbenefit: true,
        doubleCountGroup: null,
      }),
      line({
        id: "E",
        odsCode: "RBS",
        fullYearValueGbp: 1_000,
        attributionPct: 100,
        doubleCountGroup: "nurse-time",
      }),
    ];
    const t = totalsWithoutDoubleCounting(lines);
    expect(t.countedLines).toEqual(["B", "C", "D", "E"]);
    expect(t.totalGbp).toBe(150_000 + 10_000 - 5_000 + 1_000);
    expect(t.excludedLines).toEqual([{ line: "A", group: "nurse-time", countedInstead: "B" }]);
  });
});

describe("benefitFlags", () => {
  it("flags L4 without benefit, enablers not live, overdue actuals and double counting", () => {
    const records = [
      { odsCode: "RCF", functionalityCode: "F12", level: 4 },
      { odsCode: "RCF", functionalityCode: "F13", level: 3 },
      { odsCode: "RCF", functionalityCode: "F14", level: 1 },
      { odsCode: "RCF", functionalityCode: "F45", level: 4 },
    ];
    const lines = [
      line({ id: "L1", doubleCountGroup: "meds" }),
      line({
        id: "L2",
        title: "Missed doses",
        doubleCountGroup: "meds",
        enablingFunctionalities: ["F13"],
        actuals: [{ period: "2025/26 Q3", value: 7 }],
      }),
    ];
    const flags = benefitFlags({ records, lines, currentPeriod: "2025/26 Q4", framework: defaultFramework });
    const kinds = flags.map((f) => f.kind).sort();
    expect(kinds).toEqual([
      "double_count",
      "enablers_not_live",
      "l4_without_benefit",
      "l4_without_benefit",
      "overdue_actual",
    ]);
    expect(flags.find((f) => f.kind === "enablers_not_live")).toMatchObject({
      line: "L1",
      functionalityCodes: ["F14"],
    });
    expect(flags.find((f) => f.kind === "overdue_actual")).toMatchObject({
      line: "L1",
      duePeriod: "2025/26 Q3",
    });
    expect(flags.find((f) => f.kind === "double_count")).toMatchObject({
      group: "meds",
      lines: ["L1", "L2"],
    });
    expect(
      flags
        .filter((f) => f.kind === "l4_without_benefit")
        .map((f) => (f as { functionalityCode: string }).functionalityCode)
        .sort(),
    ).toEqual(["F12", "F45"]);
  });

  it("knows when a benefit has been measured for L5", () => {
    expect(benefitMeasuredFor("RCF", "F13", [line()])).toBe(true);
    expect(benefitMeasuredFor("RCF", "F23", [line()])).toBe(false);
    expect(benefitMeasuredFor("RCF", "F13", [line({ actuals: [] })])).toBe(false);
  });
});

describe("BenefitLineSchema", () => {
  it("accepts a valid line", () => {
    expect(BenefitLineSchema.safeParse(line()).success).toBe(true);
  });
  it("names the field in its errors", () => {
    const r = BenefitLineSchema.safeParse(
      line({ target: { value: 12, date: "2026-03-31" }, attributionPct: 120 }),
    );
    const msgs = r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(msgs).toContain("attributionPct: Attribution must be between 0 and 100");
    const r2 = BenefitLineSchema.safeParse(line({ target: { value: 12, date: "2026-03-31" } }));
    expect(r2.success ? [] : r2.error.issues.map((i) => i.message)).toEqual([
      "Target value must be below the baseline for a metric that should decrease",
    ]);
    const r3 = BenefitLineSchema.safeParse(line({ owner: " " }));
    expect(r3.success ? [] : r3.error.issues.map((i) => i.message)).toEqual(["Owner is required"]);
  });
});
