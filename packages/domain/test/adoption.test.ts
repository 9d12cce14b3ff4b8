import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ADOPTION_LEVEL_LABELS,
  type AdoptionMeasures,
  AdoptionInputSchema,
  AdoptionMeasuresSchema,
  AdoptionRecordSchema,
  checkClaim,
  defaultFramework,
  deriveAdoptionLevel,
  effectiveLevel,
} from "../src/index.js";
import { measuresArb, raise, raiseArb } from "./arbitraries.js";
import { fn, measuresFor } from "./helpers.js";

const ePMA = fn(defaultFramework, "F13");
const base: AdoptionMeasures = {
  coveragePct: null,
  usageNumerator: null,
  usageDenominator: null,
  paperRetired: false,
  benefitMeasured: false,
  plannedGoLive: null,
};

const validInput = {
  coveragePct: 62,
  usageNumerator: 700,
  usageDenominator: 1000,
  measurementWindowStart: "2025-10-01",
  measurementWindowEnd: "2025-12-31",
  paperRetired: false,
  plannedGoLive: null,
  claimedLevel: null,
  claimReason: null,
  evidence: [{ label: "ePMA dashboard", url: "https://example.nhs.uk/epma" }],
  notes: "",
};

describe("deriveAdoptionLevel", () => {
  it("labels the six levels", () => {
    expect(Object.values(ADOPTION_LEVEL_LABELS)).toEqual([
      "Not in place",
      "Planned",
      "Live (partial)",
      "Adopted",
      "Embedded",
      "Optimised",
    ]);
  });

  it("derives each level from its rule", () => {
    expect(deriveAdoptionLevel(ePMA, base)).toMatchObject({ level: 0, rule: "l0.not_in_place" });
    expect(deriveAdoptionLevel(ePMA, { ...base, plannedGoLive: "2026-06-01" })).toMatchObject({
      level: 1,
      rule: "l1.planned",
    });
    expect(deriveAdoptionLevel(ePMA, { ...base, coveragePct: 5 })).toMatchObject({
      level: 2,
      rule: "l2.live_partial",
    });
    const l3 = deriveAdoptionLevel(ePMA, {
      ...base,
      coveragePct: 62,
      usageNumerator: 70,
      usageDenominator: 100,
    });
    expect(l3).toMatchObject({ level: 3, rule: "l3.coverage_and_usage" });
    expect(l3.reason).toContain("coverage 62% → 90%");
    expect(l3.reason).toContain("paper process retired");
    expect(
      deriveAdoptionLevel(ePMA, {
        ...base,
        coveragePct: 92,
        usageNumerator: 91,
        usageDenominator: 100,
        paperRetired: true,
      }),
    ).toMatchObject({ level: 4, rule: "l4.embedded" });
    expect(
      deriveAdoptionLevel(ePMA, {
        ...base,
        coveragePct: 96,
        usageNumerator: 96,
        usageDenominator: 100,
        paperRetired: true,
        benefitMeasured: true,
      }),
    ).toMatchObject({ level: 5, rule: "l5.optimised" });
  });

  it("keeps a trust at L2 when usage is below the Meaningful Use threshold", () => {
    const d = deriveAdoptionLevel(ePMA, {
      ...base,
      coveragePct: 80,
      usageNumerator: 55,
      usageDenominator: 100,
    });
    expect(d.level).toBe(2);
    expect(d.reason).toContain("usage 55% → 60%");
  });

  it("needs paper retired for L4 whatever the coverage", () => {
    expect(
      deriveAdoptionLevel(ePMA, {
        ...base,
        coveragePct: 100,
        usageNumerator: 100,
        usageDenominator: 100,
        benefitMeasured: true,
      }).level,
    ).toBe(3);
  });

  it("helper measures derive the level asked for, for every functionality", () => {
    for (const f of defaultFramework.functionalities) {
      for (const l of [0, 1, 2, 3, 4, 5] as const)
        expect(deriveAdoptionLevel(f, measuresFor(f, l)).level, `${f.code} L${l}`).toBe(l);
    }
  });

  it("is monotone: raising any measure never lowers the level (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...defaultFramework.functionalities), measuresArb, raiseArb, (f, m, r) => {
        expect(deriveAdoptionLevel(f, raise(m, r)).level).toBeGreaterThanOrEqual(
          deriveAdoptionLevel(f, m).level,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("claims", () => {
  it("never lets a claim raise the effective level, but allows under-claiming", () => {
    expect(effectiveLevel(2, 4)).toBe(2);
    expect(effectiveLevel(4, 2)).toBe(2);
    expect(effectiveLevel(3, null)).toBe(3);
    expect(effectiveLevel(2, 4, "validated")).toBe(4);
    expect(effectiveLevel(2, 4, "evidence_attached")).toBe(2);
  });

  it("requires a reason when the claim is above the derived level", () => {
    const c = checkClaim(ePMA, { ...validInput, claimedLevel: 4, claimReason: null });
    expect(c.claimFlag).toBe(true);
    expect(c.derived.level).toBe(3);
    expect(c.effectiveLevel).toBe(3);
    expect(c.issues).toHaveLength(1);
    expect(c.issues[0]!.path).toEqual(["claimReason"]);
    expect(c.issues[0]!.message).toMatch(/^Claim reason is required/);
    expect(
      checkClaim(ePMA, { ...validInput, claimedLevel: 4, claimReason: "Audit on 3 wards shows 95%" }).issues,
    ).toEqual([]);
    expect(checkClaim(ePMA, { ...validInput, claimedLevel: 1, claimReason: null })).toMatchObject({
      claimFlag: false,
      issues: [],
    });
  });
});

describe("schemas name the field in their errors", () => {
  const issues = (input: unknown) => {
    const r = AdoptionInputSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  };

  it("accepts a valid input", () => {
    expect(issues(validInput)).toEqual([]);
  });

  it("coverage out of range", () => {
    expect(issues({ ...validInput, coveragePct: 101 })).toEqual([
      { path: "coveragePct", message: "Coverage must be between 0 and 100" },
    ]);
    expect(issues({ ...validInput, coveragePct: "62" })[0]?.message).toMatch(/^Coverage must be a number/);
  });

  it("numerator above denominator, and one without the other", () => {
    expect(issues({ ...validInput, usageNumerator: 1001 })).toEqual([
      { path: "usageNumerator", message: "Usage numerator cannot exceed the denominator" },
    ]);
    expect(issues({ ...validInput, usageDenominator: null })[0]?.message).toMatch(
      /^Usage numerator and denominator must be given together/,
    );
    const m = AdoptionMeasuresSchema.safeParse({ ...base, usageNumerator: 5, usageDenominator: 4 });
    expect(m.success ? null : m.error.issues[0]?.path).toEqual(["usageNumerator"]);
  });

  it("window end before start, bad dates, unknown fields, long text, bad evidence", () => {
    expect(issues({ ...validInput, measurementWindowEnd: "2025-09-30" })).toEqual([
      { path: "measurementWindowEnd", message: "Measurement window end cannot be before its start" },
    ]);
    expect(issues({ ...validInput, plannedGoLive: "2026-02-30" })[0]?.message).toBe(
      "Planned go-live date must be a date in the form YYYY-MM-DD",
    );
    expect(issues({ ...validInput, colour: "red" })[0]?.message).toBe("Unknown field: colour");
    expect(issues({ ...validInput, notes: "x".repeat(4001) })[0]?.message).toBe(
      "Notes must be at most 4000 characters",
    );
    expect(issues({ ...validInput, claimReason: "x".repeat(2001) })[0]?.message).toBe(
      "Claim reason must be at most 2000 characters",
    );
    expect(issues({ ...validInput, claimedLevel: 6 })[0]?.message).toBe("Adoption level must be from 0 to 5");
    expect(
      issues({ ...validInput, evidence: [{ label: "x", url: "javascript:alert(1)" }] })[0]?.message,
    ).toMatch(/^Evidence link must be a web address/);
    expect(issues({ ...validInput, evidence: [{ label: "", url: "https://a.nhs.uk" }] })[0]?.message).toBe(
      "Evidence label is required",
    );
    const many = Array.from({ length: 21 }, (_, i) => ({ label: `e${i}`, url: "https://a.nhs.uk" }));
    expect(issues({ ...validInput, evidence: many })[0]?.message).toBe("Evidence can have at most 20 links");
  });

  it("parses a stored record", () => {
    const r = AdoptionRecordSchema.safeParse({
      ...validInput,
      odsCode: " rcf ",
      functionalityCode: "F13",
      derivedLevel: 2,
      level: 2,
      validationState: "self_assessed",
      version: 1,
      updatedAt: "2026-01-05T10:00:00Z",
    });
    expect(r.success && r.data.odsCode).toBe("RCF");
    const over = AdoptionRecordSchema.safeParse({
      ...validInput,
      odsCode: "RCF",
      functionalityCode: "F13",
      derivedLevel: 2,
      level: 4,
      claimedLevel: 4,
      validationState: "self_assessed",
      version: 1,
      updatedAt: "2026-01-05T10:00:00Z",
    });
    expect(over.success ? [] : over.error.issues.map((i) => i.message)).toEqual([
      "Level cannot be above the derived level unless a validator has accepted the claim",
    ]);
  });
});
