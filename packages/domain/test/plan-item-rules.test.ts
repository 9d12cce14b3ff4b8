import { describe, expect, it } from "vitest";
import { defaultFramework, planItemRuleIssues, planShortfalls } from "../src/index.js";

const item = (over: Record<string, unknown> = {}) => ({
  functionalityCode: "F13",
  targetLevel: 4 as const,
  targetDate: "2027-06-30",
  status: "in_progress" as const,
  ...over,
});
const base = {
  functionalityName: "Closed-loop medication",
  currentLevel: 2,
  today: "2026-12-02",
  others: [],
};
const paths = (issues: { path: PropertyKey[] }[]) => issues.map((i) => i.path.join("."));

describe("plan item rules", () => {
  it("accepts a new item above the level now, dated today or later, with no open twin", () => {
    expect(planItemRuleIssues({ ...base, item: item() })).toEqual([]);
    expect(planItemRuleIssues({ ...base, item: item({ targetDate: "2026-12-02" }) })).toEqual([]);
  });

  it("refuses a new item dated in the past, saying the date and today in words", () => {
    const issues = planItemRuleIssues({ ...base, item: item({ targetDate: "2026-12-01" }) });
    expect(paths(issues)).toEqual(["targetDate"]);
    expect(issues[0]!.message).toBe(
      "Target date 1 December 2026 is in the past; enter today (2 December 2026) or a later date",
    );
  });

  it("lets a change keep a past date it already had, but not move to another past date", () => {
    const before = { id: "p1", ...item({ targetDate: "2026-06-30" }) };
    expect(
      planItemRuleIssues({ ...base, before, item: item({ targetDate: "2026-06-30", status: "at_risk" }) }),
    ).toEqual([]);
    expect(paths(planItemRuleIssues({ ...base, before, item: item({ targetDate: "2026-07-31" }) }))).toEqual([
      "targetDate",
    ]);
  });

  it("refuses a target at or below the level now, naming the functionality and the level", () => {
    for (const targetLevel of [1, 2]) {
      const issues = planItemRuleIssues({ ...base, item: item({ targetLevel }) });
      expect(paths(issues)).toEqual(["targetLevel"]);
      expect(issues[0]!.message).toBe(
        "Closed-loop medication is already at L2; the target level must be above L2",
      );
    }
    // An item reached since it was planned may still be marked done.
    const before = { id: "p1", ...item({ targetLevel: 2 }) };
    expect(planItemRuleIssues({ ...base, before, item: item({ targetLevel: 2, status: "done" }) })).toEqual(
      [],
    );
  });

  it("allows one open item per functionality and level", () => {
    const twin = { id: "p1", ...item({ targetDate: "2027-03-31" }) };
    const issues = planItemRuleIssues({ ...base, others: [twin], item: item() });
    expect(paths(issues)).toEqual(["functionalityCode"]);
    expect(issues[0]!.message).toContain(
      "already has an open item taking Closed-loop medication to L4 (by 31 March 2027)",
    );
    // The item itself, a done twin, another level or a done new item are no duplicates.
    expect(planItemRuleIssues({ ...base, others: [twin], before: twin, item: item() })).toEqual([]);
    expect(planItemRuleIssues({ ...base, others: [{ ...twin, status: "done" }], item: item() })).toEqual([]);
    expect(planItemRuleIssues({ ...base, others: [twin], item: item({ targetLevel: 5 }) })).toEqual([]);
    expect(planItemRuleIssues({ ...base, others: [twin], item: item({ status: "done" }) })).toEqual([]);
  });
});

describe("what the plan leaves missing", () => {
  const framework = defaultFramework;
  const organisation = { odsCode: "RXX", trustType: "acute" as const };
  const tier1 = framework.criteria.filter((c) => c.tier === 1 && c.appliesTo.includes("acute"));
  const mandatory = tier1.find((c) => c.kind === "mandatory")!;

  it("names every unmet criterion of the tier and the tiers below, at the level it needs", () => {
    const shortfalls = planShortfalls(framework, organisation, [], []);
    const t1 = shortfalls.get(1)!;
    expect(t1.length).toBe(tier1.length);
    expect(t1.find((s) => s.kind === "mandatory")).toMatchObject({
      tier: 1,
      requiredLevel: mandatory.requiredLevel,
      stillNeeded: 1,
      functionalities: [expect.objectContaining({ plannedLevel: 0 })],
    });
    // A higher tier carries the lower tier's gaps.
    expect(shortfalls.get(2)!.filter((s) => s.tier === 1)).toEqual(t1);
  });

  it("counts a plan item as meeting the level it targets, and drops a criterion the plan meets", () => {
    const code = mandatory.functionalityCodes[0]!;
    const before = planShortfalls(framework, organisation, [], []).get(1)!;
    const after = planShortfalls(
      framework,
      organisation,
      [],
      [{ odsCode: "RXX", functionalityCode: code, targetLevel: mandatory.requiredLevel }],
    ).get(1)!;
    expect(after.length).toBe(before.length - 1);
    expect(after.some((s) => s.functionalities.some((f) => f.code === code))).toBe(false);
    // Another trust's plan counts for nothing.
    expect(
      planShortfalls(
        framework,
        organisation,
        [],
        [{ odsCode: "RYY", functionalityCode: code, targetLevel: 5 }],
      ).get(1),
    ).toEqual(before);
  });
});
