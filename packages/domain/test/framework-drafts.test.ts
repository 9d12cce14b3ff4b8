import { describe, expect, it } from "vitest";
import {
  AppError,
  applyDraftEdit,
  type CarriedSource,
  checkDraftWritable,
  checkNoOtherDraft,
  checkPreviewable,
  checkRetirable,
  type Crosswalk,
  crosswalkIssues,
  defaultCrosswalk,
  defaultFramework,
  describeRecordCounts,
  draftEffect,
  draftNextVersion,
  type Framework,
  reconcileCrosswalk,
  rederiveLevel,
} from "../src/index.js";
import { measuresFor } from "./helpers.js";

const published = (): Framework => structuredClone(defaultFramework) as Framework;
const draft = (): Framework => draftNextVersion(published(), "2027-04-01");
const caught = (work: () => unknown): AppError => {
  try {
    work();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
};

describe("draft edits", () => {
  it("renames a functionality and carries criteria, benefit types and the crosswalk with it", () => {
    const d = draft();
    const f01 = d.functionalities.find((f) => f.code === "F01")!;
    const { framework, crosswalk, audit } = applyDraftEdit(d, defaultCrosswalk(published(), d), {
      kind: "functionality",
      code: "F01",
      functionality: { ...f01, code: "F99" },
    });
    expect(framework.functionalities.some((f) => f.code === "F01")).toBe(false);
    expect(framework.criteria.find((c) => c.id === "T1-F01")?.functionalityCodes).toEqual(["F99"]);
    expect(framework.benefitTypes.flatMap((b) => b.enablingFunctionalities)).not.toContain("F01");
    expect(crosswalk?.entries.find((e) => e.from[0] === "F01")).toEqual({
      kind: "renamed",
      from: ["F01"],
      to: ["F99"],
    });
    expect(audit).toMatchObject({ key: "F01", before: f01 });
  });

  it("names the edited field, not the document's path, when the result is invalid", () => {
    const d = draft();
    const f02 = d.functionalities.find((f) => f.code === "F02")!;
    const error = caught(() =>
      applyDraftEdit(d, null, {
        kind: "functionality",
        code: "F02",
        functionality: { ...f02, thresholds: { ...f02.thresholds, l3: { coveragePct: 150, usagePct: 50 } } },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.issues.every((i) => i.path[0] === "functionality")).toBe(true);
  });

  it("refuses a duplicate code and an unknown one", () => {
    const d = draft();
    const f01 = d.functionalities[0]!;
    expect(
      caught(() => applyDraftEdit(d, null, { kind: "addFunctionality", functionality: f01 })).issues,
    ).toEqual([{ path: ["functionality", "code"], message: "Functionality F01 is already in this draft" }]);
    const missing = caught(() => applyDraftEdit(d, null, { kind: "removeCriterion", id: "nope" }));
    expect([missing.code, missing.message]).toEqual(["NOT_FOUND", "Criterion nope is not in this draft"]);
  });

  it("adds a milestone with a null id and replaces it by id", () => {
    const d = draft();
    const m = { ...d.milestones[0]!, id: "M-NEW" };
    const added = applyDraftEdit(d, null, { kind: "milestone", id: null, milestone: m }).framework;
    expect(added.milestones.at(-1)?.id).toBe("M-NEW");
    const replaced = applyDraftEdit(added, null, {
      kind: "milestone",
      id: "M-NEW",
      milestone: { ...m, id: "M-RENAMED" },
    });
    expect(replaced.framework.milestones.map((x) => x.id)).toContain("M-RENAMED");
    expect(replaced.audit).toMatchObject({ key: "M-RENAMED", before: m });
    expect(
      caught(() =>
        applyDraftEdit(added, null, {
          kind: "milestone",
          id: "M-NEW",
          milestone: { ...m, id: d.milestones[0]!.id },
        }),
      ).issues[0]?.path,
    ).toEqual(["milestone", "id"]);
  });

  it("retires a removed code in the crosswalk", () => {
    const cw: Crosswalk = {
      fromVersion: 1,
      toVersion: 2,
      entries: [
        { kind: "kept", from: ["F01"], to: ["F01"] },
        { kind: "split", from: ["F02"], to: ["F02", "F03"] },
      ],
    };
    expect(reconcileCrosswalk(cw, null, "F01")?.entries).toEqual([
      { kind: "split", from: ["F02"], to: ["F02", "F03"] },
      { kind: "retired", from: ["F01"], to: [] },
    ]);
    expect(reconcileCrosswalk(cw, null, "F03")?.entries[1]).toEqual({
      kind: "kept",
      from: ["F02"],
      to: ["F02"],
    });
  });
});

describe("draft state checks", () => {
  const row = { version: 2, status: "draft" as const, rowVersion: 3 };
  it("lets an unchanged draft be written, refuses a published one and a stale revision", () => {
    expect(() => checkDraftWritable(row, 3, "edited")).not.toThrow();
    expect(caught(() => checkDraftWritable({ ...row, status: "published" }, 3, "edited")).code).toBe(
      "PRECONDITION_FAILED",
    );
    expect(caught(() => checkDraftWritable(row, 2, "edited"))).toMatchObject({
      code: "CONFLICT",
      current: { version: 2, rowVersion: 3 },
    });
  });

  it("allows one draft at a time and previews only drafts", () => {
    expect(() => checkNoOtherDraft(null)).not.toThrow();
    expect(caught(() => checkNoOtherDraft(4)).message).toMatch(/^Version 4 is already a draft/);
    expect(caught(() => checkPreviewable({ version: 1, status: "published" })).code).toBe(
      "PRECONDITION_FAILED",
    );
  });

  it("retires only a published version that is not in force", () => {
    const old = { version: 1, status: "published" as const, rowVersion: 1 };
    expect(() => checkRetirable(old, 1, 2)).not.toThrow();
    expect(caught(() => checkRetirable(old, 1, 1)).message).toMatch(/is the version in force/);
    expect(caught(() => checkRetirable({ ...old, status: "draft" }, 1, 2)).message).toMatch(
      /discard a draft/,
    );
    expect(caught(() => checkRetirable(old, 5, 2)).code).toBe("CONFLICT");
  });
});

describe("crosswalk checks", () => {
  it("accepts the default crosswalk and reports paths inside the crosswalk", () => {
    const p = published();
    const d = draft();
    expect(crosswalkIssues(defaultCrosswalk(p, d), p, d, true)).toEqual([]);
    const bad: Crosswalk = {
      fromVersion: 7,
      toVersion: d.version,
      entries: [{ kind: "kept", from: ["X1"], to: ["F01"] }],
    };
    const issues = crosswalkIssues(bad, p, d, true);
    expect(issues.map((i) => i.path)).toEqual([["fromVersion"], ["entries", 0, "from", 0], ["entries"]]);
    expect(crosswalkIssues(bad, p, d, false).map((i) => i.path)).toEqual([
      ["fromVersion"],
      ["entries", 0, "from", 0],
    ]);
  });

  it("requires a crosswalk only to publish", () => {
    expect(crosswalkIssues(null, published(), draft(), false)).toEqual([]);
    expect(crosswalkIssues(null, published(), draft(), true)).toEqual([
      { path: [], message: "A crosswalk from version 1 is required to publish" },
    ]);
  });
});

describe("draft effect", () => {
  const fw = published();
  const f01 = fw.functionalities.find((f) => f.code === "F01")!;
  const record = (odsCode: string, level: 3 | 4): CarriedSource => ({
    odsCode,
    functionalityCode: "F01",
    level,
    claimedLevel: null,
    validationState: "self_assessed",
    ...measuresFor(f01, level),
  });

  it("derives a record's level again under a version's thresholds", () => {
    const fns = new Map(fw.functionalities.map((f) => [f.code, f]));
    expect(rederiveLevel(fns, record("RGT", 4))?.level).toBe(4);
    expect(rederiveLevel(fns, { ...record("RGT", 4), functionalityCode: "NOPE" })).toBeNull();
  });

  it("counts no change for an unchanged draft and names what the crosswalk would not carry", () => {
    const d = draft();
    const trusts = [{ odsCode: "RGT", name: "Trust", trustType: "acute", tier: 0 }];
    const crosswalk: Crosswalk = { ...defaultCrosswalk(fw, d), entries: [] };
    const effect = draftEffect({ draft: d, previous: fw, crosswalk, trusts, records: [record("RGT", 3)] });
    expect(effect).toMatchObject({ version: 2, fromVersion: 1, trusts: 1, same: 1, up: 0, down: 0 });
    expect(effect.notCarried).toEqual([
      { functionalityCode: "F01", records: 1, reason: "F01 is not in the crosswalk from version 1 to 2" },
    ]);
  });

  it("counts the records carried, changed (a new code or level) and dropped, as the publish page shows", () => {
    const d = draft();
    const trusts = [{ odsCode: "RGT", name: "Trust", trustType: "acute", tier: 0 }];
    const records = [record("RGT", 3), record("RBS", 4)];
    const kept = draftEffect({ draft: d, previous: fw, crosswalk: defaultCrosswalk(fw, d), trusts, records });
    expect(kept.records).toEqual({ carried: 2, changed: 0, dropped: 0 });
    expect(describeRecordCounts(kept.records)).toBe("2 carried (0 changed), 0 dropped");
    const moved: Crosswalk = {
      ...defaultCrosswalk(fw, d),
      entries: [{ kind: "renamed", from: ["F01"], to: ["F02"] }],
    };
    expect(draftEffect({ draft: d, previous: fw, crosswalk: moved, trusts, records }).records).toEqual({
      carried: 2,
      changed: 2,
      dropped: 0,
    });
    const none: Crosswalk = { ...defaultCrosswalk(fw, d), entries: [] };
    expect(draftEffect({ draft: d, previous: fw, crosswalk: none, trusts, records }).records).toEqual({
      carried: 0,
      changed: 0,
      dropped: 2,
    });
  });

  it("moves a trust down when its tier today is above what the draft gives", () => {
    const d = draft();
    const trusts = [{ odsCode: "RGT", name: "Trust", trustType: "acute", tier: 3 }];
    const effect = draftEffect({
      draft: d,
      previous: fw,
      crosswalk: defaultCrosswalk(fw, d),
      trusts,
      records: [],
    });
    expect(effect.down).toBe(1);
    expect(effect.changes).toEqual([{ odsCode: "RGT", name: "Trust", trustType: "acute", from: 3, to: 0 }]);
  });
});
