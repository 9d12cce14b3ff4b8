import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AdoptionMeasures,
  type AdoptionRecord,
  type AssessableRecord,
  type Organisation,
  type Framework,
  TRUST_TYPES,
  type TierCriterion,
  type TrustType,
  assessTrust,
  defaultFramework,
} from "../src/index.js";
import { measuresArb, raise, raiseArb } from "./arbitraries.js";
import { allAt, fn, measuresFor, recordFrom } from "./helpers.js";

const fw = defaultFramework;
const F = fw.functionalities;

describe("assessTrust examples", () => {
  it("an acute trust with ePMA at 62% coverage is told 62% → 90% for tier 4", () => {
    const ePMA = fn(fw, "F13");
    const records = allAt(fw, "acute", 4).map((r) =>
      r.functionalityCode === "F13"
        ? recordFrom(ePMA, {
            coveragePct: 62,
            usageNumerator: 950,
            usageDenominator: 1000,
            paperRetired: true,
            benefitMeasured: false,
            plannedGoLive: null,
          })
        : r,
    );
    const a = assessTrust(fw, { odsCode: "RCF", trustType: "acute" }, records);
    expect(a.attainedTier).toBe(3);
    expect(a.nextTier).toBe(4);
    expect(a.nextTierNeeds).toHaveLength(1);
    const gap = a.nextTierNeeds[0]!;
    expect(gap).toMatchObject({
      criterionId: "T4-EMBED-F13",
      kind: "mandatory",
      functionalityCode: "F13",
      requiredLevel: 4,
      currentLevel: 3,
    });
    expect(gap.text).toContain(`62% → ${ePMA.thresholds.l4.coveragePct}%`);
    expect(gap.text).toBe("ePMA coverage 62% → 90%");
    expect(gap.measureGaps).toEqual([{ measure: "coverage", current: 62, required: 90 }]);
    const t4 = a.tiers.find((t) => t.tier === 4)!;
    expect(a.progressToNext).toBeCloseTo(
      (t4.mandatoryTotal + t4.menuRequired - 1) / (t4.mandatoryTotal + t4.menuRequired),
    );
    const view = a.functionalities.find((f) => f.code === "F13")!;
    expect(view).toMatchObject({
      level: 3,
      derivedLevel: 3,
      applicable: true,
      rule: "l3.coverage_and_usage",
      coveragePct: 62,
      usagePct: 95,
    });
  });

  it("a trust with nothing recorded is at tier 0 and is told what tier 1 needs", () => {
    const a = assessTrust(fw, { odsCode: "RCF", trustType: "acute" }, []);
    expect(a.attainedTier).toBe(0);
    expect(a.nextTier).toBe(1);
    expect(a.progressToNext).toBe(0);
    expect(a.nextTierNeeds.map((g) => g.functionalityCode)).toEqual([
      "F01",
      "F02",
      "F05",
      "F07",
      "F08",
      "F03",
      "F04",
      "F06",
      "F09",
    ]);
    expect(a.nextTierNeeds.find((g) => g.functionalityCode === "F03")?.text).toContain(
      "(menu: 2 more needed)",
    );
  });

  it("scores an ambulance trust only on what applies to it", () => {
    const records = allAt(fw, "ambulance", 3);
    const a = assessTrust(fw, { odsCode: "RX9", trustType: "ambulance" }, records);
    expect(a.attainedTier).toBe(2);
    expect(a.nextTier).toBe(3);
    // Tier 3 needs tier 1 embedded: each of F01, F02, F07, F08 at L4.
    expect(a.nextTierNeeds.map((g) => g.criterionId).sort()).toEqual([
      "T3-EMBED-F01",
      "T3-EMBED-F02",
      "T3-EMBED-F07",
      "T3-EMBED-F08",
    ]);
    expect(a.nextTierNeeds[0]!.text).toContain("retire the paper process");
    const views = new Map(a.functionalities.map((f) => [f.code, f]));
    for (const code of ["F12", "F13", "F14", "F23"]) expect(views.get(code)?.applicable, code).toBe(false);
    expect(views.get("F22")?.applicable).toBe(true);
    // Inpatient e-prescribing at L5 would change nothing for an ambulance trust.
    const withEpma = assessTrust(fw, { odsCode: "RX9", trustType: "ambulance" }, [
      ...records,
      recordFrom(fn(fw, "F13"), measuresFor(fn(fw, "F13"), 5)),
    ]);
    expect(withEpma.attainedTier).toBe(a.attainedTier);
    expect(withEpma.progressToNext).toBe(a.progressToNext);
    expect(withEpma.tiers).toEqual(a.tiers);
  });

  it("every trust type with everything optimised attains tier 5", () => {
    for (const t of TRUST_TYPES) {
      const a = assessTrust(fw, { odsCode: "AAA", trustType: t }, allAt(fw, t, 5));
      expect(a.attainedTier, t).toBe(5);
      expect(a.nextTier).toBeNull();
      expect(a.progressToNext).toBe(1);
      expect(a.nextTierNeeds).toEqual([]);
    }
  });

  it("everything adopted (L3) reaches tier 2, the core level, for every trust type", () => {
    for (const t of TRUST_TYPES)
      expect(assessTrust(fw, { odsCode: "AAA", trustType: t }, allAt(fw, t, 3)).attainedTier, t).toBe(2);
  });

  it("flags a claim above the derived level and uses the derived level", () => {
    const ePMA = fn(fw, "F13");
    const r = recordFrom(ePMA, measuresFor(ePMA, 2), { claimedLevel: 4, validationState: "self_assessed" });
    const a = assessTrust(fw, { odsCode: "RCF", trustType: "acute" }, [r]);
    expect(a.functionalities.find((f) => f.code === "F13")).toMatchObject({
      level: 2,
      derivedLevel: 2,
      claimedLevel: 4,
      claimFlag: true,
      validationState: "self_assessed",
    });
  });

  it("uses the highest version when given history", () => {
    const ePMA = fn(fw, "F13");
    const a = assessTrust(fw, { odsCode: "RCF", trustType: "acute" }, [
      recordFrom(ePMA, measuresFor(ePMA, 4), { version: 2 }),
      recordFrom(ePMA, measuresFor(ePMA, 1), { version: 1 }),
    ]);
    expect(a.functionalities.find((f) => f.code === "F13")?.level).toBe(4);
  });

  it("a tier with no applicable criteria is attained when the lower tiers are", () => {
    const sparse: Framework = { ...fw, criteria: fw.criteria.filter((c) => c.tier !== 2) };
    const a = assessTrust(sparse, { odsCode: "RCF", trustType: "acute" }, allAt(fw, "acute", 3));
    expect(a.tiers.find((t) => t.tier === 2)).toMatchObject({
      attained: true,
      mandatoryTotal: 0,
      menuRequired: 0,
    });
    expect(
      assessTrust(sparse, { odsCode: "RCF", trustType: "acute" }, []).tiers.find((t) => t.tier === 2)
        ?.attained,
    ).toBe(false);
  });
});

const trustTypeArb = fc.constantFrom<TrustType>(...TRUST_TYPES);
// Levels skewed high so that higher tiers are reached often enough to matter.
const biasedMeasuresArb: fc.Arbitrary<AdoptionMeasures> = fc.oneof(
  measuresArb,
  fc.constantFrom(3, 4, 5).map((l) => ({ level: l })) as unknown as fc.Arbitrary<AdoptionMeasures>,
);
const trustArb = fc.record({
  trustType: trustTypeArb,
  measures: fc.array(biasedMeasuresArb, { minLength: F.length, maxLength: F.length }),
});

function recordsOf(measures: AdoptionMeasures[]) {
  return F.map((f, i) => {
    const m = measures[i]!;
    const level = (m as unknown as { level?: 3 | 4 | 5 }).level;
    return recordFrom(f, level === undefined ? m : measuresFor(f, level));
  });
}
function measuresOf(measures: AdoptionMeasures[], i: number): AdoptionMeasures {
  const m = measures[i]!;
  const level = (m as unknown as { level?: 3 | 4 | 5 }).level;
  return level === undefined ? m : measuresFor(F[i]!, level);
}

describe("assessTrust properties", () => {
  it("raising any measure never lowers the tier, nor progress within the same tier", () => {
    fc.assert(
      fc.property(trustArb, fc.nat({ max: F.length - 1 }), raiseArb, ({ trustType, measures }, i, r) => {
        const org = { odsCode: "AAA", trustType };
        const before = assessTrust(fw, org, recordsOf(measures));
        const raised = measures.map((_, j) => measuresOf(measures, j));
        raised[i] = raise(raised[i]!, r);
        const after = assessTrust(fw, org, recordsOf(raised));
        expect(after.attainedTier).toBeGreaterThanOrEqual(before.attainedTier);
        if (after.attainedTier === before.attainedTier)
          expect(after.progressToNext).toBeGreaterThanOrEqual(before.progressToNext - 1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it("tiers are cumulative: attained tiers are exactly 1..attainedTier, each with its own criteria met", () => {
    fc.assert(
      fc.property(trustArb, ({ trustType, measures }) => {
        const a = assessTrust(fw, { odsCode: "AAA", trustType }, recordsOf(measures));
        a.tiers.forEach((t, i) => {
          expect(t.attained).toBe(t.tier <= a.attainedTier);
          if (t.attained) expect(t.criteriaMet).toBe(true);
          if (i > 0 && t.attained) expect(a.tiers[i - 1]!.attained).toBe(true);
        });
        if (a.nextTier !== null) expect(a.tiers.find((t) => t.tier === a.nextTier)!.criteriaMet).toBe(false);
        expect(a.progressToNext).toBeGreaterThanOrEqual(0);
        expect(a.progressToNext).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it("a criterion that does not apply to the trust type never changes the result", () => {
    const extraArb = fc.record({
      tier: fc.integer({ min: 1, max: 5 }),
      codes: fc.uniqueArray(fc.constantFrom(...F.map((f) => f.code)), { minLength: 2, maxLength: 4 }),
      requiredLevel: fc.integer({ min: 1, max: 5 }),
      kind: fc.constantFrom("mandatory", "menu"),
      others: fc.subarray([...TRUST_TYPES], { minLength: 1 }),
    });
    fc.assert(
      fc.property(trustArb, extraArb, ({ trustType, measures }, e) => {
        const appliesTo = e.others.filter((t) => t !== trustType);
        fc.pre(appliesTo.length > 0);
        const extra: TierCriterion = {
          id: "EXTRA",
          tier: e.tier,
          kind: e.kind as "mandatory" | "menu",
          functionalityCodes: e.kind === "mandatory" ? e.codes.slice(0, 1) : e.codes,
          ...(e.kind === "menu" ? { k: 2 } : {}),
          requiredLevel: e.requiredLevel,
          appliesTo,
        };
        const records = recordsOf(measures);
        const org = { odsCode: "AAA", trustType };
        expect(assessTrust({ ...fw, criteria: [...fw.criteria, extra] }, org, records)).toEqual(
          assessTrust(fw, org, records),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("levels of functionalities that do not apply to the trust type never change its tier", () => {
    fc.assert(
      fc.property(trustArb, fc.constantFrom(0, 5), ({ trustType, measures }, level) => {
        const records = recordsOf(measures);
        const changed = records.map((r) => {
          const f = F.find((x) => x.code === r.functionalityCode)!;
          return f.appliesTo.includes(trustType) ? r : recordFrom(f, measuresFor(f, level as 0 | 5));
        });
        const org = { odsCode: "AAA", trustType };
        const a = assessTrust(fw, org, records);
        const b = assessTrust(fw, org, changed);
        expect(b.attainedTier).toBe(a.attainedTier);
        expect(b.progressToNext).toBe(a.progressToNext);
        expect(b.nextTierNeeds).toEqual(a.nextTierNeeds);
      }),
      { numRuns: 100 },
    );
  });
});

describe("types line up with stored records", () => {
  it("a stored AdoptionRecord can be scored and an Organisation can be assessed", () => {
    const toAssessable = (r: AdoptionRecord): AssessableRecord => r;
    const toOrg = (o: Organisation): { odsCode: string; trustType: TrustType } => o;
    expect(typeof toAssessable).toBe("function");
    expect(typeof toOrg).toBe("function");
  });
});
