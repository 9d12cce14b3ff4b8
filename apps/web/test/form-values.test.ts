import { zodResolver } from "@hookform/resolvers/zod";
import { AdoptionInputSchema, defaultFramework } from "@realise/domain";
import { flattenErrors, serverProblemsOf, stripPrefix } from "@realise/ui";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import {
  blankEvidenceRows,
  claimIssues,
  type FormValues,
  liveDerivation,
  toFormValues,
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

/** What the form binding does on submit: the procedure's schema through react-hook-form's zod resolver. */
async function check(values: FormValues) {
  const result = await zodResolver(AdoptionInputSchema)(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });
  return flattenErrors(result.errors);
}

describe("the adoption form's values", () => {
  it("holds a stored record as the API's input", async () => {
    expect(toFormValues(stored)).toEqual(stored);
    expect(await check(toFormValues(stored))).toEqual({});
  });

  it("names the field of an out-of-range coverage, by the domain schema", async () => {
    expect(await check({ ...toFormValues(stored), coveragePct: 150 })).toEqual({
      coveragePct: "Coverage must be between 0 and 100",
    });
  });

  it("reports text in a number field instead of dropping it", async () => {
    // The binding turns unreadable text into NaN, which the schema names.
    expect((await check({ ...toFormValues(stored), usageNumerator: Number.NaN })).usageNumerator).toMatch(
      /Usage numerator/,
    );
  });

  it("requires a reason for a claim above the derived level, and not for one below", () => {
    const above = claimIssues(epma, { ...toFormValues(stored), claimedLevel: 5 }, false);
    expect(above.find((i) => i.name === "claimReason")?.message).toMatch(/Claim reason is required/);
    expect(claimIssues(epma, { ...toFormValues(stored), claimedLevel: 2 }, false)).toEqual([]);
  });

  it("drops blank evidence rows, and points the server's evidence errors at the rows", async () => {
    const evidence = [
      { label: "", url: " " },
      { label: "Audit", url: "not a link" },
    ];
    expect(blankEvidenceRows(evidence)).toEqual([0]);
    expect(Object.keys(await check({ ...toFormValues(stored), evidence: [evidence[1]!] }))).toEqual([
      "evidence.0.url",
    ]);
    const refused = new TRPCClientError("bad", {
      result: {
        error: {
          code: -32600,
          message: "bad",
          data: {
            code: "BAD_REQUEST",
            fieldErrors: { "values.evidence.0.url": "bad", "values.coveragePct": "bad" },
          },
        },
      } as never,
    });
    expect(Object.keys(serverProblemsOf(refused, stripPrefix("values")).fields)).toEqual([
      "evidence.0.url",
      "coveragePct",
    ]);
  });

  it("derives the level live from half-typed measures", () => {
    expect(liveDerivation(epma, toFormValues(stored), false).level).toBe(3);
    const raised = { ...toFormValues(stored), coveragePct: 95, usageNumerator: 3700 };
    expect(liveDerivation(epma, raised, false)).toMatchObject({ level: 4, rule: "l4.embedded" });
    expect(liveDerivation(epma, { ...raised, usageDenominator: null }, false).level).toBe(2);
    expect(liveDerivation(epma, { ...raised, usageDenominator: Number.NaN }, false).level).toBe(2);
  });
});
