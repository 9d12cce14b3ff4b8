import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  collectionIssues,
  collectionPhase,
  daysUntilDue,
  freezeRefusal,
  nothingToFreeze,
  PeriodSchema,
  periodRange,
  submissionChecklist,
  trustReturnState,
} from "../src/index.js";

describe("periods are plausible", () => {
  it("refuses nonsense years that would otherwise lock a trust", () => {
    for (const p of ["9999/00", "1899/00", "1999/00 Q1"])
      expect(PeriodSchema.safeParse(p).success).toBe(false);
    expect(PeriodSchema.safeParse("9999/00").error?.issues[0]?.message).toMatch(
      /between 2000\/01 and 2098\/99/,
    );
    for (const p of ["2000/01", "2026/27 Q3", "2098/99 Q4"])
      expect(PeriodSchema.safeParse(p).success).toBe(true);
  });
});

describe("collections", () => {
  const q3 = { period: "2026/27 Q3", opensOn: "2026-10-01", dueOn: "2027-01-15" };
  it("accepts a quarter opened in it and due after it ends", () => {
    expect(collectionIssues(q3, "2026-12-01")).toEqual([]);
  });
  it("names the field and the reason for each problem", () => {
    expect(collectionIssues({ ...q3, period: "2026/27" }, "2026-12-01")[0]?.path).toEqual(["period"]);
    const issues = collectionIssues({ ...q3, opensOn: "2026-09-01", dueOn: "2026-12-15" }, "2026-12-01");
    expect(issues.map((i) => i.path[0])).toEqual(["opensOn", "dueOn"]);
    expect(collectionIssues({ ...q3, dueOn: "2026-09-30" }, "2026-12-01").map((i) => i.message)).toContain(
      "Due date must be on or after the opening date",
    );
    expect(
      collectionIssues(
        { ...q3, period: "2025/26 Q1", opensOn: "2025-04-01", dueOn: "2025-07-31" },
        "2026-12-01",
      ).map((i) => i.message),
    ).toContain("Due date must not be in the past");
  });
  it("knows its phase and the days left", () => {
    expect(collectionPhase(q3, "2026-09-30")).toBe("upcoming");
    expect(collectionPhase(q3, "2027-01-15")).toBe("open");
    expect(collectionPhase(q3, "2027-01-16")).toBe("overdue");
    expect(daysUntilDue("2027-01-15", "2027-01-08")).toBe(7);
    expect(daysUntilDue("2027-01-15", "2027-01-17")).toBe(-2);
  });
});

describe("freezing official figures", () => {
  it("refuses the current and future periods, allows an ended one", () => {
    expect(freezeRefusal("2026/27 Q3", "2026-12-01")).toMatch(/has not ended yet/);
    expect(freezeRefusal("2026/27 Q4", "2026-12-01")).toMatch(/has not ended yet/);
    expect(freezeRefusal("2026/27 Q3", "2026-12-31")).toMatch(/has not ended yet/);
    expect(freezeRefusal("2026/27 Q2", "2026-12-01")).toBeNull();
  });
  it("refuses exactly the periods whose last day is today or later (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2097 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: -400, max: 400 }),
        (y, q, offset) => {
          const period = `${y}/${String((y + 1) % 100).padStart(2, "0")} Q${q}`;
          const { end } = periodRange(period);
          const today = new Date(Date.parse(`${end}T00:00:00Z`) + offset * 86_400_000)
            .toISOString()
            .slice(0, 10);
          return (freezeRefusal(period, today) === null) === today > end;
        },
      ),
    );
  });
});

describe("nothing to freeze", () => {
  it("refuses a period without an accepted return and allows one with", () => {
    expect(nothingToFreeze("2025/26 Q2", 0)).toMatch(/No return for 2025\/26 Q2 has been accepted/);
    expect(nothingToFreeze("2025/26 Q2", 1)).toBeNull();
  });
});

describe("a trust's state in a collection", () => {
  const base = { opensOn: "2026-10-01", checklistItems: 2 };
  it("distinguishes not started, in progress and ready for approval", () => {
    expect(trustReturnState({ ...base, returnStatus: null, lastChangeOn: "2026-09-01" })).toBe("not_started");
    expect(trustReturnState({ ...base, returnStatus: null, lastChangeOn: null })).toBe("not_started");
    expect(trustReturnState({ ...base, returnStatus: null, lastChangeOn: "2026-10-02" })).toBe("in_progress");
    expect(
      trustReturnState({ ...base, checklistItems: 0, returnStatus: null, lastChangeOn: "2026-10-02" }),
    ).toBe("ready_for_approval");
  });
  it("follows the return once there is one", () => {
    expect(trustReturnState({ ...base, returnStatus: "submitted", lastChangeOn: null })).toBe("submitted");
    expect(trustReturnState({ ...base, returnStatus: "accepted", lastChangeOn: null })).toBe("accepted");
    expect(trustReturnState({ ...base, returnStatus: "returned", lastChangeOn: null })).toBe("returned");
    expect(trustReturnState({ ...base, returnStatus: "withdrawn", lastChangeOn: "2026-09-01" })).toBe(
      "in_progress",
    );
  });
});

describe("the submission checklist", () => {
  const record = {
    functionalityCode: "EPMA",
    functionalityName: "ePrescribing",
    derivedLevel: 3,
    claimedLevel: null,
    level: 3,
    evidenceCount: 1,
    updatedOn: "2026-11-01",
  };
  const input = {
    period: "2026/27 Q3",
    today: "2026-12-01",
    lastAcceptedOn: "2026-10-20",
    records: [record],
    benefitLines: [],
    planItems: [],
  };
  it("is empty for a clean return", () => {
    expect(submissionChecklist(input)).toEqual([]);
  });
  it("lists claims above the measures, missing evidence, unreviewed records, overdue actuals, late plan items", () => {
    const items = submissionChecklist({
      ...input,
      records: [
        { ...record, claimedLevel: 4, level: 4 },
        {
          ...record,
          functionalityCode: "EOBS",
          functionalityName: "eObs",
          evidenceCount: 0,
          updatedOn: "2026-10-01",
        },
      ],
      benefitLines: [
        { id: "b1", title: "Fewer drug errors", status: "in_progress", actualPeriods: ["2026/27 Q1"] },
        { id: "b2", title: "Paper saved", status: "in_progress", actualPeriods: ["2026/27 Q2"] },
        { id: "b3", title: "Planned only", status: "planned", actualPeriods: [] },
      ],
      planItems: [
        { id: "p1", functionalityCode: "EPMA", targetLevel: 4, targetDate: "2026-11-30", currentLevel: 3 },
        { id: "p2", functionalityCode: "EOBS", targetLevel: 3, targetDate: "2027-03-31", currentLevel: 2 },
      ],
    });
    expect(items.map((i) => [i.kind, i.subject])).toEqual([
      ["claim_above_measures", "EPMA"],
      ["no_evidence", "EOBS"],
      ["not_reviewed", "EOBS"],
      ["overdue_actual", "b1"],
      ["plan_past_due", "p1"],
    ]);
    expect(items[0]?.message).toBe("ePrescribing (EPMA): claimed L4, the measures show L3");
  });
});

describe("canonical JSON", () => {
  it("gives the same text whatever the key order", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        return canonicalJson({ a: [o], b: o }) === canonicalJson({ b: reversed, a: [reversed] });
      }),
    );
    expect(canonicalJson({ b: 1, a: { d: 2, c: undefined } })).toBe('{"a":{"d":2},"b":1}');
  });
});
