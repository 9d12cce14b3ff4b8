import { describe, expect, it } from "vitest";
import {
  BenefitClassSchema,
  FrameworkSchema,
  TRUST_TYPES,
  applicableCriteria,
  canChangeStatus,
  defaultCrosswalk,
  defaultFramework,
  diffFrameworks,
  draftNextVersion,
  isEditable,
  type Framework,
} from "../src/index.js";

const clone = (): Framework => structuredClone(defaultFramework) as Framework;
const messages = (fw: unknown) => {
  const r = FrameworkSchema.safeParse(fw);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("defaultFramework", () => {
  it("parses with FrameworkSchema", () => {
    const r = FrameworkSchema.safeParse(defaultFramework);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it("is version 1, published, with 5 tiers and the 46 functionalities", () => {
    expect(defaultFramework.version).toBe(1);
    expect(defaultFramework.status).toBe("published");
    expect(defaultFramework.tiers.map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
    expect(defaultFramework.functionalities).toHaveLength(46);
    const perTier = [1, 2, 3, 4, 5].map(
      (t) => defaultFramework.functionalities.filter((f) => f.tier === t).length,
    );
    expect(perTier).toEqual([9, 13, 8, 8, 8]);
  });

  it("has at least 12 benefit types covering all five Green Book classes and a dis-benefit", () => {
    const bts = defaultFramework.benefitTypes;
    expect(bts.length).toBeGreaterThanOrEqual(12);
    expect(new Set(bts.map((b) => b.benefitClass))).toEqual(new Set(BenefitClassSchema.options));
    expect(bts.some((b) => b.isDisbenefit)).toBe(true);
  });

  it("has the two March 2026 roadmap milestones", () => {
    const [epr, core] = defaultFramework.milestones;
    expect(epr).toMatchObject({
      title: "100% of trusts with an EPR by March 2026",
      measure: "epr_live",
      targetDate: "2026-03-31",
      shareOfTrusts: 1,
    });
    expect(core).toMatchObject({
      title: "70% of trusts at the core level by March 2026",
      measure: "tier_at_least",
      tier: 2,
      targetDate: "2026-03-31",
      shareOfTrusts: 0.7,
    });
  });

  it("keeps sources on every functionality", () => {
    for (const f of defaultFramework.functionalities)
      expect(f.references.sources?.length ?? 0, f.code).toBeGreaterThan(0);
  });

  it("does not score an ambulance trust on inpatient e-prescribing, eMAR or eObs", () => {
    const codes = new Set(
      applicableCriteria(defaultFramework, "ambulance").flatMap((c) =>
        c.functionalityCodes.filter((code) =>
          defaultFramework.functionalities.find((f) => f.code === code)?.appliesTo.includes("ambulance"),
        ),
      ),
    );
    for (const code of ["F12", "F13", "F14", "F23"]) expect(codes.has(code), code).toBe(false);
    const mandatory = applicableCriteria(defaultFramework, "ambulance")
      .filter((c) => c.kind === "mandatory")
      .flatMap((c) => c.functionalityCodes);
    expect(mandatory).not.toContain("F13");
  });

  it("excludes acute-only items for mental health and community trusts", () => {
    for (const t of ["mental_health", "community"] as const) {
      const mandatory = applicableCriteria(defaultFramework, t)
        .filter((c) => c.kind === "mandatory")
        .flatMap((c) => c.functionalityCodes);
      for (const code of ["F16", "F23"]) expect(mandatory, `${t} ${code}`).not.toContain(code);
    }
  });

  it("gives every trust type criteria in every tier", () => {
    for (const t of TRUST_TYPES) {
      const tiers = new Set(applicableCriteria(defaultFramework, t).map((c) => c.tier));
      expect([...tiers].sort(), t).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it("cannot be mutated, because a published version never changes", () => {
    expect(() => {
      (defaultFramework.functionalities[0] as { name: string }).name = "x";
    }).toThrow();
  });
});

describe("FrameworkSchema checks", () => {
  it("rejects duplicate functionality codes", () => {
    const fw = clone();
    fw.functionalities.push({ ...fw.functionalities[0]! });
    expect(messages(fw)).toContain("Functionality code F01 is used more than once");
  });

  it("rejects a criterion naming a missing functionality", () => {
    const fw = clone();
    fw.criteria[0] = { ...fw.criteria[0]!, functionalityCodes: ["F99"] };
    expect(messages(fw).some((m) => m.includes("names functionality F99, which does not exist"))).toBe(true);
  });

  it("rejects tiers that are not 1..N", () => {
    const fw = clone();
    fw.tiers = fw.tiers.filter((t) => t.number !== 3);
    expect(messages(fw).some((m) => m.startsWith("Tiers must be numbered 1 to 4"))).toBe(true);
  });

  it("rejects a menu whose k exceeds its options", () => {
    const fw = clone();
    const i = fw.criteria.findIndex((c) => c.kind === "menu");
    fw.criteria[i] = { ...fw.criteria[i]!, k: 9 };
    expect(messages(fw)).toContain("Menu k cannot exceed the number of functionalities offered");
  });

  it("rejects a mandatory criterion for a trust type its functionality does not apply to", () => {
    const fw = clone();
    const i = fw.criteria.findIndex((c) => c.id === "T2-F13");
    fw.criteria[i] = { ...fw.criteria[i]!, appliesTo: ["acute", "ambulance"] };
    expect(messages(fw).some((m) => m.includes("applies to ambulance trusts but offers them 0"))).toBe(true);
  });

  it("rejects thresholds that fall from one level to the next", () => {
    const fw = clone();
    const f = fw.functionalities[0]!;
    fw.functionalities[0] = { ...f, thresholds: { ...f.thresholds, l4: { coveragePct: 10, usagePct: 10 } } };
    expect(messages(fw)).toContain("L4 coverage threshold cannot be below L3's");
  });
});

describe("versions and diff", () => {
  it("finds no differences between a framework and its copy", () => {
    const d = diffFrameworks(defaultFramework, clone());
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.criteriaChanged).toEqual({ added: [], removed: [], changed: [] });
  });

  it("reports added, removed and changed functionalities and criteria", () => {
    const next = draftNextVersion(defaultFramework, "2026-04-01");
    expect(next.version).toBe(2);
    expect(next.status).toBe("draft");
    next.functionalities = next.functionalities.filter((f) => f.code !== "F46");
    next.criteria = next.criteria.map((c) =>
      c.id === "T5-MENU" ? { ...c, functionalityCodes: c.functionalityCodes.filter((x) => x !== "F46") } : c,
    );
    next.benefitTypes = next.benefitTypes.map((b) => ({
      ...b,
      enablingFunctionalities: b.enablingFunctionalities.filter((x) => x !== "F46"),
    }));
    const f13 = next.functionalities.findIndex((f) => f.code === "F13");
    next.functionalities[f13] = {
      ...next.functionalities[f13]!,
      name: "Electronic prescribing (all settings)",
    };
    next.functionalities.push({ ...next.functionalities[0]!, code: "F47", name: "Digital twin" });
    expect(FrameworkSchema.safeParse(next).success).toBe(true);
    const d = diffFrameworks(defaultFramework, next);
    expect(d.added).toEqual([{ code: "F47", name: "Digital twin" }]);
    expect(d.removed.map((x) => x.code)).toEqual(["F46"]);
    const oldName = defaultFramework.functionalities.find((f) => f.code === "F13")!.name;
    expect(d.changed).toEqual([
      {
        code: "F13",
        fields: ["name"],
        values: [{ path: "name", before: oldName, after: "Electronic prescribing (all settings)" }],
      },
    ]);
    const menu = (fw: Framework) =>
      fw.criteria.find((c) => c.id === "T5-MENU")!.functionalityCodes.join(", ");
    expect(d.criteriaChanged.changed).toEqual([
      {
        id: "T5-MENU",
        fields: ["functionalityCodes"],
        values: [{ path: "functionalityCodes", before: menu(defaultFramework), after: menu(next) }],
      },
    ]);
    expect(menu(defaultFramework)).toContain("F46");

    const cw = defaultCrosswalk(defaultFramework, next);
    expect(cw.entries.find((e) => e.kind === "retired")).toEqual({ kind: "retired", from: ["F46"], to: [] });
  });

  it("moves draft → published → retired only, and edits drafts only", () => {
    expect(canChangeStatus("draft", "published")).toBe(true);
    expect(canChangeStatus("published", "retired")).toBe(true);
    expect(canChangeStatus("published", "draft")).toBe(false);
    expect(canChangeStatus("retired", "published")).toBe(false);
    expect(isEditable(defaultFramework)).toBe(false);
    expect(isEditable(draftNextVersion(defaultFramework, "2026-04-01"))).toBe(true);
  });
});
