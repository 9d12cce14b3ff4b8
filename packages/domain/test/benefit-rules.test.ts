import { describe, expect, it } from "vitest";
import {
  ACTUALS_CSV_COLUMNS,
  type ActualsFile,
  actualIssues,
  actualsDuePeriod,
  type BenefitLine,
  benefitRollUp,
  checkActualsImport,
  defaultFramework,
  expectedValueGbp,
  importRefusal,
  levelWithBenefitMeasured,
  lineReferenceIssues,
  MAX_IMPORT_ROWS,
  normaliseLineFields,
  periodNotStarted,
  registerTotals,
  withProgress,
} from "../src/index.js";
import { fn, measuresFor } from "./helpers.js";

const line = (over: Partial<BenefitLine> = {}): BenefitLine & { id: string } => ({
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
  actuals: [{ period: "2025/26 Q2", value: 8 }],
  confidence: "medium",
  status: "in_progress",
  enablingFunctionalities: ["F13"],
  fullYearValueGbp: 100_000,
  attributionPct: 50,
  doubleCountGroup: null,
  evidence: null,
  ...over,
  id: over.id ?? "L1",
});

describe("line fields", () => {
  it("keeps the trajectory in date order, each enabler once, and blank group or evidence as none", () => {
    const {
      id: _id,
      odsCode: _ods,
      actuals: _a,
      ...fields
    } = line({
      trajectory: [
        { date: "2026-01-31", value: 7 },
        { date: "2025-09-30", value: 8 },
      ],
      enablingFunctionalities: ["F13", "F14", "F13"],
      doubleCountGroup: "",
      evidence: "",
    });
    const kept = normaliseLineFields(fields);
    expect(kept.trajectory.map((t) => t.date)).toEqual(["2025-09-30", "2026-01-31"]);
    expect(kept.enablingFunctionalities).toEqual(["F13", "F14"]);
    expect(kept.doubleCountGroup).toBeNull();
    expect(kept.evidence).toBeNull();
    expect(normaliseLineFields({ ...fields, doubleCountGroup: "agency", evidence: "audit" })).toMatchObject({
      doubleCountGroup: "agency",
      evidence: "audit",
    });
  });

  it("names a benefit type or functionality the framework does not have, by its path in the line", () => {
    expect(lineReferenceIssues(defaultFramework, line())).toEqual([]);
    expect(
      lineReferenceIssues(
        defaultFramework,
        line({ benefitTypeCode: "B99", enablingFunctionalities: ["F13", "F99"] }),
      ),
    ).toEqual([
      { path: ["benefitTypeCode"], message: "Benefit type B99 is not in framework version 1" },
      { path: ["enablingFunctionalities", 1], message: "Functionality F99 is not in framework version 1" },
    ]);
  });
});

describe("actuals", () => {
  it("refuses a period that has not started, and only that", () => {
    expect(periodNotStarted("2026/27 Q1", "2026-03-31")).toBe(true);
    expect(periodNotStarted("2026/27 Q1", "2026-04-01")).toBe(false);
    expect(actualIssues({ period: "2026/27 Q1" }, "2026-03-31")).toEqual([
      { path: ["period"], message: "2026/27 Q1 has not started yet" },
    ]);
    expect(actualIssues({ period: "2025/26" }, "2026-03-31")).toEqual([]);
  });

  it("makes the quarter just ended due", () => {
    expect(actualsDuePeriod("2026-05-10")).toBe("2025/26 Q4");
    expect(actualsDuePeriod(new Date("2025-10-01T12:00:00Z"))).toBe("2025/26 Q2");
  });
});

describe("checkActualsImport", () => {
  const register = new Map([
    ["A", { title: "Line A", actuals: [{ period: "2025/26 Q1", value: 9 }] }],
    ["B", { title: "Line B", actuals: [] }],
  ]);
  const file = (rows: ActualsFile["rows"], extra: Partial<ActualsFile> = {}): ActualsFile => ({
    columns: [...ACTUALS_CSV_COLUMNS],
    rows,
    unreadable: new Map(),
    ...extra,
  });

  it("keeps good rows with the value they replace and names each bad row's field and reason", () => {
    const preview = checkActualsImport(
      file([
        { benefit_id: "A", period: "2025/26 Q1", value: "9.5", source: " Datix " },
        { benefit_id: " B ", period: "2025/26 Q2", value: "1,200", source: "" },
        { benefit_id: "nope", period: "2025/26 Q1", value: "3" },
        { benefit_id: "A", period: "2025/27", value: "3" },
        { benefit_id: "A", period: "2025/26 Q3", value: "lots" },
        { benefit_id: "B", period: "2090/91 Q1", value: "3" },
        { benefit_id: "A", period: "2025/26 Q1", value: "9" },
        { benefit_id: "B", period: "2025/26 Q3", value: "" },
        { benefit_id: "", period: "", value: "1", source: "x".repeat(501) },
      ]),
      register,
      "RCF",
      "2026-01-15",
    );
    expect(preview.total).toBe(9);
    expect(preview.rows).toEqual([
      {
        row: 2,
        benefitId: "A",
        title: "Line A",
        period: "2025/26 Q1",
        value: 9.5,
        source: "Datix",
        replaces: 9,
      },
      {
        row: 3,
        benefitId: "B",
        title: "Line B",
        period: "2025/26 Q2",
        value: 1200,
        source: null,
        replaces: null,
      },
    ]);
    expect(preview.errors).toEqual([
      { row: 4, field: "benefit_id", reason: "Trust RCF has no benefit line nope" },
      { row: 5, field: "period", reason: expect.stringContaining("second year") },
      { row: 6, field: "value", reason: 'Value must be a number, not "lots"' },
      { row: 7, field: "period", reason: "2090/91 Q1 has not started yet" },
      { row: 8, field: "period", reason: "Row 2 already gives 2025/26 Q1 for this benefit" },
      { row: 9, field: "value", reason: "Value is required" },
      { row: 10, field: "benefit_id", reason: "Benefit id is required" },
      { row: 10, field: "period", reason: "Period is required" },
      { row: 10, field: "source", reason: "Source must be at most 500 characters" },
    ]);
  });

  it("names a row the file could not read", () => {
    const preview = checkActualsImport(
      file([{ benefit_id: "A", period: "2025/26 Q2", value: "1" }], {
        unreadable: new Map([[0, "Too many fields"]]),
      }),
      register,
      "RCF",
      "2026-01-15",
    );
    expect(preview.rows).toEqual([]);
    expect(preview.errors).toEqual([
      { row: 2, field: "(row)", reason: "The row could not be read: Too many fields" },
    ]);
  });

  it("refuses a header without the columns it needs, and a file over the row limit, as a whole", () => {
    const missing = checkActualsImport(
      file([{ id: "1" }], { columns: ["id", "when"] }),
      register,
      "RCF",
      "2026-01-15",
    );
    expect(missing).toEqual({
      rows: [],
      errors: ["benefit_id", "period", "value"].map((field) => ({
        row: 1,
        field,
        reason: `The header has no "${field}" column`,
      })),
      total: 1,
    });
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({
      benefit_id: "A",
      period: "2025/26 Q2",
      value: "1",
    }));
    const big = checkActualsImport(file(rows), register, "RCF", "2026-01-15");
    expect(big.rows).toEqual([]);
    expect(big.errors).toEqual([
      {
        row: MAX_IMPORT_ROWS + 2,
        field: "(file)",
        reason: `At most ${MAX_IMPORT_ROWS} rows can be imported at once`,
      },
    ]);
  });

  it("refuses to write a file with a bad row or with no rows, naming rows as users read them", () => {
    const good = {
      row: 2,
      benefitId: "A",
      title: "",
      period: "2025/26 Q2",
      value: 1,
      source: null,
      replaces: null,
    };
    expect(importRefusal({ rows: [good], errors: [], total: 1 })).toEqual([]);
    expect(
      importRefusal({
        rows: [good],
        errors: [{ row: 4, field: "value", reason: "Value is required" }],
        total: 2,
      }),
    ).toEqual([{ path: ["row 4", "value"], message: "Value is required" }]);
    expect(importRefusal({ rows: [], errors: [], total: 0 })).toEqual([
      { path: [], message: "The file has no rows to import" },
    ]);
  });
});

describe("benefit value", () => {
  it("is the full-year value at the attribution, negative for a dis-benefit, nothing without a value", () => {
    expect(expectedValueGbp(line())).toBe(50_000);
    expect(expectedValueGbp(line({ isDisbenefit: true }))).toBe(-50_000);
    expect(expectedValueGbp(line({ fullYearValueGbp: null }))).toBe(0);
    const valued = withProgress(line());
    expect(valued.expectedValueGbp).toBe(50_000);
    expect(valued.progress.progress).toBeCloseTo(0.5);
    expect(valued.id).toBe("L1");
  });
});

describe("roll-ups", () => {
  const lines = [
    line({
      id: "a",
      odsCode: "RCF",
      doubleCountGroup: "agency",
      fullYearValueGbp: 100_000,
      attributionPct: 100,
    }),
    line({
      id: "b",
      odsCode: "RCF",
      doubleCountGroup: "agency",
      fullYearValueGbp: 40_000,
      attributionPct: 100,
    }),
    line({ id: "c", odsCode: "RBS", benefitTypeCode: "B02", fullYearValueGbp: 20_000, attributionPct: 50 }),
    line({ id: "d", odsCode: "RBS", isDisbenefit: true, fullYearValueGbp: 5_000, attributionPct: 100 }),
  ];

  it("counts a trust's double-count group once in its register totals", () => {
    const totals = registerTotals(lines.slice(0, 2));
    expect(totals.expectedGbp).toBe(100_000);
    expect(totals.realisedGbp).toBeCloseTo(50_000);
    expect(totals.excludedLines).toEqual([{ line: "b", group: "agency", countedInstead: "a" }]);
  });

  it("adds every breakdown up to the national total, and lists types nobody tracks as zero", () => {
    const nation = benefitRollUp({
      lines,
      benefitTypes: defaultFramework.benefitTypes,
      trusts: [
        {
          odsCode: "RCF",
          region: "London",
          icbCode: "QMF",
          icbName: "North East London",
          eprSupplier: "Epic",
        },
        { odsCode: "RBS", region: "North West", icbCode: null, icbName: null, eprSupplier: null },
        {
          odsCode: "RAA",
          region: "London",
          icbCode: "QMF",
          icbName: "North East London",
          eprSupplier: "Epic",
        },
      ],
    });
    expect(nation.totals).toEqual({
      expectedGbp: 100_000 + 10_000 - 5_000,
      realisedGbp: expect.any(Number),
      lines: 4,
      trustsTracking: 2,
      trusts: 3,
      excludedLines: 1,
    });
    for (const rows of [nation.byType, nation.byClass, nation.byRegion, nation.byIcb, nation.bySupplier]) {
      expect(rows.reduce((s, r) => s + r.expectedGbp, 0)).toBeCloseTo(nation.totals.expectedGbp);
      expect(rows.reduce((s, r) => s + r.realisedGbp, 0)).toBeCloseTo(nation.totals.realisedGbp);
      expect(rows.reduce((s, r) => s + r.lines, 0)).toBe(4);
    }
    expect(nation.byType).toHaveLength(defaultFramework.benefitTypes.length);
    expect(nation.byType[0]).toMatchObject({ key: "B01", lines: 3, trusts: 2, expectedGbp: 95_000 });
    expect(nation.byType.find((r) => r.key === "B03")).toMatchObject({ lines: 0, expectedGbp: 0 });
    expect(nation.byIcb.map((r) => r.label)).toEqual(["North East London", "Not known"]);
    expect(nation.bySupplier.map((r) => r.label)).toEqual(["Epic", "Not recorded"]);
  });
});

describe("levelWithBenefitMeasured", () => {
  const ePma = fn(defaultFramework, "F13");
  const record = (claimedLevel: number | null = null, validationState = "self_assessed" as const) => ({
    ...measuresFor(ePma, 5),
    claimedLevel,
    validationState,
  });

  it("takes an embedded functionality to L5 once a linked benefit is measured, and back without one", () => {
    expect(levelWithBenefitMeasured(ePma, record(), true)).toMatchObject({ derivedLevel: 5, level: 5 });
    const without = levelWithBenefitMeasured(ePma, record(), false);
    expect(without).toMatchObject({ derivedLevel: 4, level: 4 });
    expect(without.rule).not.toBe(levelWithBenefitMeasured(ePma, record(), true).rule);
  });

  it("keeps the level within an unvalidated claim, and at a validated one", () => {
    expect(levelWithBenefitMeasured(ePma, record(3), true).level).toBe(3);
    expect(levelWithBenefitMeasured(ePma, { ...record(5), validationState: "validated" }, false).level).toBe(
      5,
    );
  });
});
