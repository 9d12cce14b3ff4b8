import { describe, expect, it } from "vitest";
import {
  bindingIssues,
  bindingNeedsTrust,
  checkBindingChange,
  noIcbWarning,
  eprIssues,
  membershipIssues,
  newAccountIssues,
  peerGroupSetIssues,
  supplierNameIssues,
} from "../src/index.js";

describe("EPR details", () => {
  it("refuses a supplier for a trust with no EPR and an unknown supplier", () => {
    expect(eprIssues({ eprStatus: "live", eprSupplier: "Epic", eprProduct: null }, true)).toEqual([]);
    expect(
      eprIssues({ eprStatus: "none", eprSupplier: null, eprProduct: "X" }, true).map((i) => i.path),
    ).toEqual([["eprSupplier"]]);
    expect(eprIssues({ eprStatus: "live", eprSupplier: "Nobody", eprProduct: null }, false)[0]?.message).toBe(
      "Nobody is not a known EPR supplier; add it to the supplier list first",
    );
    expect(supplierNameIssues(null)).toEqual([]);
    expect(supplierNameIssues("Epic")[0]?.message).toBe("Epic is already in the supplier list");
  });
});

describe("ICB membership", () => {
  const icbs = [
    { code: "QOLD", name: "Old ICB", validFrom: "2022-07-01", validTo: "2026-03-31" },
    { code: "QNEW", name: "New ICB", validFrom: "2026-04-01", validTo: null },
  ];
  it("accepts a history across a merger", () => {
    expect(
      membershipIssues(
        "RGT",
        [
          { icbCode: "QOLD", validFrom: "2022-07-01", validTo: "2026-03-31" },
          { icbCode: "QNEW", validFrom: "2026-04-01", validTo: null },
        ],
        icbs,
      ),
    ).toEqual([]);
  });

  it("names the row and field of each problem, relative to the list", () => {
    const issues = membershipIssues(
      "RGT",
      [
        { icbCode: "QXXX", validFrom: "2022-07-01", validTo: null },
        { icbCode: "QOLD", validFrom: "2022-01-01", validTo: null },
        { icbCode: "QNEW", validFrom: "2026-04-01", validTo: "2026-01-01" },
      ],
      icbs,
    );
    expect(issues.map((i) => i.path)).toEqual([
      [0, "icbCode"],
      [1, "validFrom"],
      [1, "validTo"],
      [2, "validTo"],
      [0, "validFrom"],
      [2, "validFrom"],
    ]);
    expect(issues[4]?.message).toMatch(/^Membership of QXXX from 2022-07-01 overlaps membership of QOLD/);
  });
});

describe("peer group sets", () => {
  it("refuses a trust in two groups and a group id used twice", () => {
    const issues = peerGroupSetIssues("size", [
      { id: "small", name: "Small", members: ["RGT"] },
      { id: "large", name: "Large", members: ["RGT"] },
      { id: "small", name: "Again", members: [] },
    ]);
    expect(issues.map((i) => i.path)).toEqual([
      [1, "members"],
      [2, "id"],
    ]);
    expect(peerGroupSetIssues("size", [{ id: "a", name: "A", members: ["RGT", "RGT"] }])).toEqual([]);
  });
});

describe("account bindings", () => {
  it("binds trust roles to a known trust and national roles to none", () => {
    expect(bindingIssues({ role: "trust_editor", odsCode: "RGT" }, true)).toEqual([]);
    expect(bindingIssues({ role: "trust_editor", odsCode: null }, false)[0]?.message).toBe(
      "A trust role needs the trust's ODS code",
    );
    expect(bindingIssues({ role: "trust_viewer", odsCode: "ZZZ" }, false)[0]?.message).toBe(
      "No trust has the ODS code ZZZ",
    );
    expect(bindingIssues({ role: "national_analyst", odsCode: "RGT" }, true)[0]?.path).toEqual(["odsCode"]);
    expect(bindingNeedsTrust({ role: "trust_viewer", odsCode: "RGT" })).toBe(true);
    expect(bindingNeedsTrust({ role: "national_admin", odsCode: null })).toBe(false);
  });

  it("refuses a taken email", () => {
    expect(newAccountIssues({ email: "a@b.c", role: "national_admin", odsCode: null }, true, false)).toEqual([
      { path: ["email"], message: "An account already uses a@b.c" },
    ]);
  });

  it("refuses a stale change and demoting the last national admin", () => {
    const admin = { role: "national_admin" as const, odsCode: null };
    const analyst = { role: "national_analyst" as const, odsCode: null };
    expect(() => checkBindingChange(admin, admin, analyst, 2)).not.toThrow();
    expect(() => checkBindingChange(admin, admin, analyst, 1)).toThrow(/last national admin/);
    expect(() => checkBindingChange(admin, admin, admin, 1)).not.toThrow();
    expect(() => checkBindingChange(admin, analyst, analyst, 2)).toThrow(/Someone else changed/);
  });
});

describe("a live EPR and ICB cover", () => {
  it("refuses a live EPR with no supplier, naming the field", () => {
    expect(eprIssues({ eprStatus: "live", eprSupplier: null, eprProduct: null }, true)).toEqual([
      {
        path: ["eprSupplier"],
        message: "A live EPR needs its supplier; choose the supplier, or another status",
      },
    ]);
    expect(eprIssues({ eprStatus: "procuring", eprSupplier: null, eprProduct: null }, true)).toEqual([]);
  });
  it("warns when no membership covers today, and not when one does", () => {
    const ended = [{ validFrom: "2022-07-01", validTo: "2026-03-31" }];
    expect(noIcbWarning("RGT", ended, "2026-12-02")).toContain("RGT is now in no ICB");
    expect(noIcbWarning("RGT", [], "2026-12-02")).toContain("no ICB");
    expect(
      noIcbWarning("RGT", [...ended, { validFrom: "2026-04-01", validTo: null }], "2026-12-02"),
    ).toBeNull();
  });
});
