import { describe, expect, it } from "vitest";
import {
  type Crosswalk,
  defaultFramework,
  diffFrameworks,
  draftNextVersion,
  type Framework,
  valueChanges,
} from "../src/index.js";

describe("framework diff: before → after values and renames", () => {
  it("gives each changed leaf before → after by its path, in words", () => {
    expect(
      valueChanges(
        { name: "A", thresholds: { l3: { coveragePct: 80, usagePct: 70 } }, paper: false, codes: ["F01"] },
        { name: "A", thresholds: { l3: { coveragePct: 85, usagePct: 70 } }, paper: true, codes: [] },
      ),
    ).toEqual([
      { path: "codes", before: "F01", after: "none" },
      { path: "paper", before: "no", after: "yes" },
      { path: "thresholds.l3.coveragePct", before: "80", after: "85" },
    ]);
  });

  it("shows a code renamed by the crosswalk as a rename with what else changed, not as added and removed", () => {
    const next = draftNextVersion(defaultFramework, "2026-04-01") as Framework;
    const i = next.functionalities.findIndex((f) => f.code === "F13");
    const f13 = next.functionalities[i]!;
    const l3 = f13.thresholds.l3;
    next.functionalities[i] = {
      ...f13,
      code: "F13a",
      thresholds: { ...f13.thresholds, l3: { ...l3, coveragePct: l3.coveragePct + 5 } },
    };
    const crosswalk: Crosswalk = {
      fromVersion: 1,
      toVersion: 2,
      entries: [{ kind: "renamed", from: ["F13"], to: ["F13a"] }],
    };
    const withCrosswalk = diffFrameworks(defaultFramework, next, crosswalk);
    expect(withCrosswalk.added).toEqual([]);
    expect(withCrosswalk.removed).toEqual([]);
    expect(withCrosswalk.renamed).toEqual([
      {
        from: "F13",
        to: "F13a",
        fromName: f13.name,
        toName: f13.name,
        values: [
          { path: "code", before: "F13", after: "F13a" },
          {
            path: "thresholds.l3.coveragePct",
            before: String(l3.coveragePct),
            after: String(l3.coveragePct + 5),
          },
        ],
      },
    ]);
    const without = diffFrameworks(defaultFramework, next);
    expect(without.renamed).toEqual([]);
    expect(without.added.map((a) => a.code)).toEqual(["F13a"]);
    expect(without.removed.map((a) => a.code)).toEqual(["F13"]);
  });
});
