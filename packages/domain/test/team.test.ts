import { describe, expect, it } from "vitest";
import {
  checkDisable,
  checkRoleChange,
  handoffState,
  linkProblem,
  type Principal,
  trustReturnState,
} from "../src/index.js";

const approver: Principal = { userId: "a", email: "a@x", name: "A", role: "trust_approver", odsCode: "RGT" };
const tiers = [
  { number: 1, name: "Foundations" },
  { number: 2, name: "Core" },
  { number: 3, name: "Advanced" },
];

describe("team rules", () => {
  it("nobody changes their own role or disables themselves; the last national admin stays", () => {
    const self = { userId: "a", role: "trust_approver" as const, disabledAt: null };
    expect(() => checkRoleChange(approver, self, "trust_viewer", 0)).toThrow(/own role/);
    expect(() => checkDisable(approver, self, 0)).toThrow(/own account/);
    const admin = { userId: "n", role: "national_admin" as const, disabledAt: null };
    expect(() => checkRoleChange(approver, admin, "national_analyst", 1)).toThrow(/last national admin/);
    expect(() => checkDisable(approver, admin, 1)).toThrow(/last national admin/);
    expect(() => checkDisable(approver, admin, 2)).not.toThrow();
    expect(() => checkRoleChange(approver, { ...self, userId: "b" }, "trust_editor", 0)).not.toThrow();
  });

  it("a one-time link works once and until it expires", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const later = new Date("2026-12-01T13:00:00Z");
    expect(linkProblem({ expiresAt: later, usedAt: null }, now, "invitation")).toBeNull();
    expect(linkProblem({ expiresAt: later, usedAt: now }, now, "invitation")).toMatch(/already been used/);
    expect(linkProblem({ expiresAt: now, usedAt: null }, now, "password reset")).toMatch(/expired/);
    expect(linkProblem(undefined, now, "invitation")).toMatch(/not valid/);
  });
});

describe("handoff", () => {
  it("shows which tiers are ready and which are not; the whole trust covers every tier", () => {
    const some = handoffState(tiers, [{ tier: 2, markedBy: "e@x" }]);
    expect(some.trustReady).toBe(false);
    expect(some.notReady).toEqual([1, 3]);
    expect(some.tiers[1]).toMatchObject({ ready: true, markedBy: "e@x" });
    const all = handoffState(tiers, [{ tier: 0, markedBy: "e@x" }]);
    expect(all).toMatchObject({ trustReady: true, notReady: [] });
  });

  it("a trust handed off is ready for approval unless already submitted, sent back or accepted", () => {
    const base = { lastChangeOn: null, opensOn: "2026-10-01", checklistItems: 3, handedOff: true };
    expect(trustReturnState({ ...base, returnStatus: null })).toBe("ready_for_approval");
    expect(trustReturnState({ ...base, returnStatus: "submitted" })).toBe("submitted");
    expect(trustReturnState({ ...base, returnStatus: null, handedOff: false })).toBe("not_started");
  });
});
