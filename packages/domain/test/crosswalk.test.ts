import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Crosswalk, type CrosswalkEntry, CrosswalkSchema, carryForward } from "../src/index.js";

const cw: Crosswalk = {
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

describe("carryForward", () => {
  it("carries kept, renamed, split and merged records and explains the rest", () => {
    const records = [
      { odsCode: "RCF", functionalityCode: "F01", level: 3 },
      { odsCode: "RCF", functionalityCode: "F02", level: 4 },
      { odsCode: "RCF", functionalityCode: "F15", level: 2 },
      { odsCode: "RCF", functionalityCode: "F13", level: 4 },
      { odsCode: "RCF", functionalityCode: "F14", level: 2 },
      { odsCode: "RBS", functionalityCode: "F13", level: 5 },
      { odsCode: "RCF", functionalityCode: "F07", level: 3 },
      { odsCode: "RCF", functionalityCode: "F99", level: 1 },
    ];
    const { carried, notCarried } = carryForward(cw, records);
    expect(carried.map((r) => [r.odsCode, r.functionalityCode, r.level, r.needsReview])).toEqual([
      ["RCF", "F01", 3, false],
      ["RCF", "F52", 4, false],
      ["RCF", "F15a", 2, true],
      ["RCF", "F15b", 2, true],
      ["RCF", "F60", 2, true],
    ]);
    expect(notCarried.map((n) => [n.odsCode, n.functionalityCode])).toEqual([
      ["RCF", "F07"],
      ["RCF", "F99"],
      ["RBS", "F13"],
    ]);
    expect(notCarried[0]!.reason).toBe("F07 was retired in version 2");
    expect(notCarried[2]!.reason).toContain("no record for F14");
  });

  it("validates crosswalk shapes", () => {
    expect(CrosswalkSchema.safeParse(cw).success).toBe(true);
    const bad = CrosswalkSchema.safeParse({
      ...cw,
      entries: [
        { kind: "split", from: ["F01"], to: ["F02"] },
        { kind: "kept", from: ["F01"], to: ["F01"] },
      ],
    });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual([
      "A split entry maps one code to two or more",
      "F01 is both split into F02 (entry 1) and kept (entry 2); an old code's records can go only one way",
    ]);
  });

  it("never loses a record silently: every input is carried or listed as not carried (property)", () => {
    const codes = Array.from({ length: 12 }, (_, i) => `F${String(i + 1).padStart(2, "0")}`);
    const crosswalkArb = fc.shuffledSubarray(codes).chain((used) =>
      fc
        .array(fc.constantFrom("kept", "renamed", "split", "merged", "retired"), {
          minLength: used.length,
          maxLength: used.length,
        })
        .map((kinds) => {
          const entries: CrosswalkEntry[] = [];
          for (let i = 0; i < used.length; i++) {
            const code = used[i]!;
            const kind = kinds[i]!;
            if (kind === "merged" && i + 1 < used.length) {
              entries.push({ kind, from: [code, used[i + 1]!], to: [`F${90 + i}`] });
              i++;
            } else if (kind === "split") entries.push({ kind, from: [code], to: [`${code}a`, `${code}b`] });
            else if (kind === "renamed") entries.push({ kind, from: [code], to: [`F${60 + i}`] });
            else if (kind === "retired") entries.push({ kind, from: [code], to: [] });
            else entries.push({ kind: "kept", from: [code], to: [code] });
          }
          return { fromVersion: 1, toVersion: 2, entries } satisfies Crosswalk;
        }),
    );
    const recordsArb = fc.uniqueArray(
      fc.record({
        odsCode: fc.constantFrom("RCF", "RBS", "RX9"),
        functionalityCode: fc.constantFrom(...codes, "F77"),
        level: fc.integer({ min: 0, max: 5 }),
      }),
      { selector: (r) => `${r.odsCode}/${r.functionalityCode}`, maxLength: 30 },
    );
    fc.assert(
      fc.property(crosswalkArb, recordsArb, (crosswalk, records) => {
        expect(CrosswalkSchema.safeParse(crosswalk).success).toBe(true);
        const { carried, notCarried } = carryForward(crosswalk, records);
        const key = (ods: string | undefined, code: string) => `${ods}/${code}`;
        const fromCarried = new Set(
          carried.flatMap((c) => c.carriedFrom.map((code) => key(c.odsCode, code))),
        );
        const fromNot = notCarried.map((n) => key(n.odsCode, n.functionalityCode));
        for (const k of fromNot) expect(fromCarried.has(k)).toBe(false);
        expect(new Set([...fromCarried, ...fromNot])).toEqual(
          new Set(records.map((r) => key(r.odsCode, r.functionalityCode))),
        );
        expect(fromCarried.size + fromNot.length).toBe(records.length);
        const splits = crosswalk.entries.filter((e) => e.kind === "split" || e.kind === "merged").length;
        if (splits === 0) expect(carried.length + notCarried.length).toBe(records.length);
      }),
      { numRuns: 200 },
    );
  });
});
