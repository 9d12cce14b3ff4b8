import { describe, expect, it } from "vitest";
import { type Crosswalk, crosswalkContradictions, crosswalkIssues, type Framework } from "../src/index.js";

const draft = {
  version: 2,
  functionalities: ["F01", "F52", "F15a", "F15b", "F60"].map((code) => ({ code })),
};
const sound: Crosswalk = {
  fromVersion: 1,
  toVersion: 2,
  entries: [
    { kind: "kept", from: ["F01"], to: ["F01"] },
    { kind: "renamed", from: ["F02"], to: ["F52"] },
    { kind: "split", from: ["F15"], to: ["F15a", "F15b"] },
    { kind: "merged", from: ["F13", "F14"], to: ["F60"] },
    { kind: "retired", from: ["F07"], to: [] },
  ],
};
const messages = (cw: Crosswalk) => crosswalkContradictions(cw, draft).map((i) => i.message);

describe("crosswalkContradictions", () => {
  it("finds nothing in a crosswalk where every old code goes one way into a code the draft has", () => {
    expect(crosswalkContradictions(sound, draft)).toEqual([]);
  });

  it("names a code that is both kept and merged", () => {
    const cw: Crosswalk = {
      ...sound,
      entries: [...sound.entries, { kind: "merged", from: ["F01", "F02"], to: ["F60"] }],
    };
    const found = crosswalkContradictions(cw, draft);
    expect(found[0]).toEqual({
      path: ["entries", 5, "from", 0],
      message:
        "F01 is both kept (entry 1) and merged into F60 (entry 6); an old code's records can go only one way",
    });
  });

  it("names two sources carried into one target, which would drop one trust record", () => {
    const cw: Crosswalk = {
      ...sound,
      entries: [
        { kind: "kept", from: ["F01"], to: ["F01"] },
        { kind: "renamed", from: ["F03"], to: ["F01"] },
      ],
    };
    expect(crosswalkContradictions(cw, draft)).toEqual([
      {
        path: ["entries", 1, "to", 0],
        message:
          "F01 receives records from entry 1 (F01 kept) and entry 2 (F03 renamed to F01); a trust with both would lose one. Merge them into F01 in one entry instead",
      },
    ]);
  });

  it("names a retired code the draft still has, and a target the draft does not have", () => {
    const cw: Crosswalk = {
      ...sound,
      entries: [
        { kind: "retired", from: ["F07", "F52"], to: [] },
        { kind: "renamed", from: ["F02"], to: ["F99"] },
      ],
    };
    expect(messages(cw)).toEqual([
      "F52 is retired in entry 1 but is still a functionality of draft version 2; keep it, or remove it from the draft",
      "Entry 2 sends F02 to F99, which is not a functionality of draft version 2; add F99 to the draft or change the entry",
    ]);
    expect(crosswalkContradictions(cw, draft)[0]!.path).toEqual(["entries", 0, "from", 1]);
  });

  it("is part of the checks run on save and on publish", () => {
    const previous = {
      version: 1,
      functionalities: [{ code: "F01" }, { code: "F03" }],
    } as unknown as Framework;
    const cw: Crosswalk = {
      fromVersion: 1,
      toVersion: 2,
      entries: [
        { kind: "kept", from: ["F01"], to: ["F01"] },
        { kind: "renamed", from: ["F03"], to: ["F01"] },
      ],
    };
    for (const requireComplete of [false, true])
      expect(
        crosswalkIssues(cw, previous, draft as unknown as Framework, requireComplete).map((i) => i.message),
      ).toEqual([expect.stringContaining("F01 receives records from entry 1 (F01 kept) and entry 2")]);
  });
});
