import { defaultFramework } from "@realise/domain";
import { describe, expect, it } from "vitest";
import {
  evidenceRow,
  liveDerivation,
  serverFieldErrors,
  toFormValues,
  toInput,
  validate,
} from "../src/pages/functionality/form-values";

const epma = defaultFramework.functionalities.find((f) => f.code === "F13")!;
const stored = {
  coveragePct: 88,
  usageNumerator: 3079,
  usageDenominator: 3826,
  measurementWindowStart: "2026-07-01",
  measurementWindowEnd: "2026-09-30",
  paperRetired: true,
  plannedGoLive: null,
  claimedLevel: null,
  claimReason: null,
  evidence: [],
  notes: "",
};

describe("the adoption form's values", () => {
  it("round-trips a stored record into the API's input", () => {
    expect(toInput(toFormValues(stored))).toEqual(stored);
  });

  it("names the field of an out-of-range coverage, by the domain schema", () => {
    const result = validate(epma, { ...toFormValues(stored), coveragePct: "150" }, false);
    expect(result.errors && [...result.errors]).toEqual([
      ["coveragePct", "Coverage must be between 0 and 100"],
    ]);
  });

  it("reports text in a number field instead of dropping it", () => {
    const result = validate(epma, { ...toFormValues(stored), usageNumerator: "lots" }, false);
    expect(result.errors?.get("usageNumerator")).toMatch(/Usage numerator/);
  });

  it("requires a reason for a claim above the derived level, and not for one below", () => {
    const above = validate(epma, { ...toFormValues(stored), claimedLevel: "5" }, false);
    expect(above.errors?.get("claimReason")).toMatch(/Claim reason is required/);
    expect(validate(epma, { ...toFormValues(stored), claimedLevel: "2" }, false).errors).toBeUndefined();
  });

  it("points an evidence error at the row on screen, skipping blank rows", () => {
    const values = {
      ...toFormValues(stored),
      evidence: [evidenceRow(), evidenceRow("Audit", "not a link")],
    };
    const result = validate(epma, values, false);
    expect([...(result.errors?.keys() ?? [])]).toEqual(["evidence-1-url"]);
    expect([...serverFieldErrors({ "values.evidence.0.url": "bad" }, values).keys()]).toEqual([
      "evidence-1-url",
    ]);
    expect([...serverFieldErrors({ "values.coveragePct": "bad" }, values).keys()]).toEqual(["coveragePct"]);
  });

  it("derives the level live from half-typed measures", () => {
    expect(liveDerivation(epma, toFormValues(stored), false).level).toBe(3);
    const raised = { ...toFormValues(stored), coveragePct: "95", usageNumerator: "3700" };
    expect(liveDerivation(epma, raised, false)).toMatchObject({ level: 4, rule: "l4.embedded" });
    expect(liveDerivation(epma, { ...raised, usageDenominator: "" }, false).level).toBe(2);
  });
});
