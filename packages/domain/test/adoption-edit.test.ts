import { describe, expect, it } from "vitest";
import {
  type AdoptionInput,
  assertAppliesTo,
  assertEditedVersion,
  changedAdoptionFields,
  defaultFramework,
  editedFunctionality,
  scoreAdoptionEdit,
  tierFunctionalityCodes,
  SYSTEM_REPORTED_FIELDS,
  validationStateOnEdit,
} from "../src/index.js";
import { fn } from "./helpers.js";

const input: AdoptionInput = {
  coveragePct: 62,
  usageNumerator: 700,
  usageDenominator: 1000,
  measurementWindowStart: "2025-10-01",
  measurementWindowEnd: "2025-12-31",
  paperRetired: false,
  plannedGoLive: null,
  claimedLevel: null,
  claimReason: null,
  evidence: [],
  notes: "",
};

describe("editing an adoption record", () => {
  it("gives an edit with evidence the state evidence attached, else self-assessed", () => {
    expect(validationStateOnEdit(input)).toBe("self_assessed");
    expect(validationStateOnEdit({ evidence: [{ label: "Audit", url: "https://example.nhs.uk/a" }] })).toBe(
      "evidence_attached",
    );
  });

  it("makes a system report system-reported; a hand edit keeps that only while the figures are the system's", () => {
    expect(validationStateOnEdit(input, { reportedBySystem: true })).toBe("system_reported");
    const stored = { ...input, validationState: "system_reported" };
    expect(validationStateOnEdit({ ...input, notes: "From the nightly extract" }, { stored })).toBe(
      "system_reported",
    );
    for (const field of SYSTEM_REPORTED_FIELDS) {
      const typed = { ...input, [field]: field.startsWith("measurement") ? "2025-11-30" : 1 };
      expect(validationStateOnEdit(typed, { stored }), field).toBe("self_assessed");
    }
    expect(validationStateOnEdit(input, { stored: { ...stored, validationState: "validated" } })).toBe(
      "self_assessed",
    );
  });

  it("counts a lower claim and flags but never counts a higher one", () => {
    const ePMA = fn(defaultFramework, "F13");
    const measured = scoreAdoptionEdit(ePMA, input, false);
    const lower = scoreAdoptionEdit(ePMA, { ...input, claimedLevel: 1, claimReason: "Out of date" }, false);
    const higher = scoreAdoptionEdit(ePMA, { ...input, claimedLevel: 5, claimReason: "Audit" }, false);
    expect(lower.level).toBe(Math.min(1, measured.derived.level));
    expect(higher.level).toBe(measured.derived.level);
    expect(higher.derived.level).toBe(measured.derived.level);
  });

  it("refuses a stale version with the record as stored and the fields that differ", () => {
    const stored = { ...input, coveragePct: 80, notes: "Ward 3 live", version: 4 };
    expect(() => assertEditedVersion(stored, 4, input)).not.toThrow();
    expect(() => assertEditedVersion(undefined, 0, input)).not.toThrow();
    try {
      assertEditedVersion(stored, 3, input);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: "CONFLICT",
        message:
          "Someone else changed this record (now version 4, you edited version 3); review their change and try again",
        current: stored,
        changedFields: ["coveragePct", "notes"],
      });
    }
    expect(() => assertEditedVersion(undefined, 2, input)).toThrow(
      expect.objectContaining({ code: "CONFLICT", current: null, changedFields: [] }),
    );
  });

  it("compares evidence by value, not by reference", () => {
    const evidence = [{ label: "Audit", url: "https://example.nhs.uk/a" }];
    expect(changedAdoptionFields({ ...input, evidence }, { ...input, evidence: [...evidence] })).toEqual([]);
  });

  it("refuses a functionality that does not apply to the trust's type", () => {
    expect(() => assertAppliesTo({ name: "Theatres", appliesTo: ["acute"] }, "mental_health")).toThrow(
      expect.objectContaining({
        code: "PRECONDITION_FAILED",
        message: "Theatres does not apply to mental health trusts",
      }),
    );
    expect(() => assertAppliesTo({ name: "Theatres", appliesTo: ["acute"] }, "acute")).not.toThrow();
  });

  it("finds the edited functionality in the framework in force, or says which version lacks it", () => {
    expect(editedFunctionality(defaultFramework, "F13").code).toBe("F13");
    expect(() => editedFunctionality(defaultFramework, "F99")).toThrow(
      expect.objectContaining({
        code: "NOT_FOUND",
        message: `No functionality has the code F99 in framework version ${defaultFramework.version}`,
      }),
    );
  });
});

describe("confirming a tier unchanged", () => {
  it("covers every functionality of the tier, and refuses a tier the framework does not have", () => {
    const codes = tierFunctionalityCodes(defaultFramework, 1);
    expect(codes).toEqual(defaultFramework.functionalities.filter((f) => f.tier === 1).map((f) => f.code));
    expect(codes.length).toBeGreaterThan(0);
    expect(() => tierFunctionalityCodes(defaultFramework, 9)).toThrow(
      expect.objectContaining({
        code: "NOT_FOUND",
        message: `Framework version ${defaultFramework.version} has no tier 9`,
      }),
    );
  });
});
