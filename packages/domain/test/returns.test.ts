import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertRecordsEditable,
  assertReturnVersion,
  assertSubmittable,
  compareReturnRecords,
  comparedValues,
  defaultFramework,
  LARGE_CHANGE,
  largeChanges,
  lockingReturnOf,
  locksRecords,
  previousRecords,
  RETURN_STATUSES,
  type ReturnDecision,
  recordsOnDecision,
  stateOnAcceptance,
  returnTransition,
  UNTIL_RETURNED,
} from "../src/index.js";

const decisions: ReturnDecision[] = ["accept", "sendBack", "unlock"];

describe("the return workflow", () => {
  it("accepts or sends back only a submitted return, and unlocks a submitted or accepted one", () => {
    expect(returnTransition("submitted", "accept")).toBe("accepted");
    expect(returnTransition("submitted", "sendBack")).toBe("returned");
    expect(returnTransition("submitted", "unlock")).toBe("unlocked");
    expect(returnTransition("accepted", "unlock")).toBe("unlocked");
    expect(() => returnTransition("accepted", "accept")).toThrow(
      "A return that is accepted cannot be accepted",
    );
    expect(() => returnTransition("returned", "sendBack")).toThrow(
      expect.objectContaining({ code: "PRECONDITION_FAILED" }),
    );
    expect(() => returnTransition("unlocked", "unlock")).toThrow(
      "A return that is unlocked cannot be unlocked",
    );
  });

  it("allows exactly the listed transitions from every state", () => {
    const allowed = new Set([
      "submitted:accept",
      "submitted:sendBack",
      "submitted:unlock",
      "accepted:unlock",
    ]);
    fc.assert(
      fc.property(fc.constantFrom(...RETURN_STATUSES), fc.constantFrom(...decisions), (status, decision) => {
        const ok = (() => {
          try {
            returnTransition(status, decision);
            return true;
          } catch {
            return false;
          }
        })();
        expect(ok).toBe(allowed.has(`${status}:${decision}`));
      }),
    );
  });

  it("lets a trust submit a period with no return, or one returned or unlocked, never twice", () => {
    expect(() => assertSubmittable("2025/26 Q1", undefined)).not.toThrow();
    expect(() => assertSubmittable("2025/26 Q1", "returned")).not.toThrow();
    expect(() => assertSubmittable("2025/26 Q1", "unlocked")).not.toThrow();
    expect(() => assertSubmittable("2025/26 Q1", "submitted")).toThrow(
      "The return for 2025/26 Q1 is already submitted",
    );
    expect(() => assertSubmittable("2025/26 Q1", "accepted")).toThrow("is already accepted");
  });

  it("validates every record on acceptance, marks unvalidated ones returned, and leaves them on unlock", () => {
    expect(recordsOnDecision("accepted")).toEqual({ validationState: "validated", keep: [] });
    expect(recordsOnDecision("returned")).toEqual({ validationState: "returned", keep: ["validated"] });
    expect(recordsOnDecision("unlocked")).toBeNull();
  });

  it("keeps a system-reported record system-reported when its return is accepted", () => {
    expect(stateOnAcceptance("system_reported")).toBe("system_reported");
    expect(stateOnAcceptance("self_assessed")).toBe("validated");
    expect(stateOnAcceptance("evidence_attached")).toBe("validated");
  });
});

describe("which return locks a trust's records", () => {
  const today = new Date("2025-11-15T12:00:00Z"); // 2025/26 Q3

  it("locks while a return awaits validation, whatever its period", () => {
    expect(locksRecords({ period: "2024/25 Q4", status: "submitted" }, today)).toBe(true);
    expect(locksRecords({ period: "2025/26 Q3", status: "submitted" }, today)).toBe(true);
  });

  it("locks for the running quarter once accepted, not after it ends", () => {
    expect(locksRecords({ period: "2025/26 Q3", status: "accepted" }, today)).toBe(true);
    expect(locksRecords({ period: "2025/26 Q2", status: "accepted" }, today)).toBe(false);
  });

  it("never locks for a returned or unlocked return", () => {
    expect(locksRecords({ period: "2025/26 Q3", status: "returned" }, today)).toBe(false);
    expect(locksRecords({ period: "2025/26 Q3", status: "unlocked" }, today)).toBe(false);
  });

  it("finds the locking return among a trust's returns", () => {
    const returns = [
      { period: "2025/26 Q2", status: "accepted" },
      { period: "2025/26 Q3", status: "submitted" },
    ];
    expect(lockingReturnOf(returns, today)).toEqual({ period: "2025/26 Q3", status: "submitted" });
    expect(lockingReturnOf(returns.slice(0, 1), today)).toBeUndefined();
  });

  it("refuses an edit while locked, naming the return", () => {
    expect(() => assertRecordsEditable(undefined)).not.toThrow();
    expect(() =>
      assertRecordsEditable({ period: "2025/26 Q3", status: "submitted" }, UNTIL_RETURNED),
    ).toThrow(
      "The return for 2025/26 Q3 is submitted; records are locked until the national team returns or unlocks it",
    );
    expect(() => assertRecordsEditable({ period: "2025/26 Q3", status: "accepted" })).toThrow(
      expect.objectContaining({
        code: "PRECONDITION_FAILED",
        message: "The return for 2025/26 Q3 is accepted; records are locked",
      }),
    );
  });
});

describe("comparing a return with the previous period", () => {
  const record = (
    code: string,
    level: number,
    coveragePct: number | null,
    usage: [number, number] | null,
  ) => ({
    functionalityCode: code,
    level,
    coveragePct,
    usageNumerator: usage?.[0] ?? null,
    usageDenominator: usage?.[1] ?? null,
  });

  it("gives usage as a percentage, and none without a denominator", () => {
    expect(comparedValues(record("F01", 3, 50, [1, 3]))).toEqual({
      level: 3,
      coveragePct: 50,
      usagePct: 100 / 3,
    });
    expect(comparedValues(record("F01", 3, 50, [1, 0]))?.usagePct).toBeNull();
    expect(comparedValues(undefined)).toBeNull();
  });

  it("flags a move of two levels or 25 points either way, and nothing smaller", () => {
    expect(largeChanges(LARGE_CHANGE.levels, 25, -25.4)).toEqual([
      "Level up 2",
      "Coverage up 25 points",
      "Usage down 25 points",
    ]);
    expect(largeChanges(-3, null, null)).toEqual(["Level down 3"]);
    expect(largeChanges(1, 24.9, -24.9)).toEqual([]);
    expect(largeChanges(null, null, null)).toEqual([]);
  });

  it("prefers the previous return, then the published snapshot, then nothing", () => {
    const a = [record("F01", 1, null, null)];
    const b = [record("F01", 2, null, null)];
    expect(previousRecords(a, b)).toEqual({ records: a, source: "return" });
    expect(previousRecords([], b)).toEqual({ records: [], source: "return" });
    expect(previousRecords(undefined, b)).toEqual({ records: b, source: "snapshot" });
    expect(previousRecords(undefined, [])).toEqual({ records: null, source: null });
  });

  it("lists every functionality that applies to the trust, a missing record as level 0", () => {
    const applies = defaultFramework.functionalities.filter((f) => f.appliesTo.includes("ambulance"));
    const [first, second] = applies;
    const rows = compareReturnRecords(
      defaultFramework.functionalities,
      "ambulance",
      [record(first!.code, 4, 90, [90, 100])],
      [record(first!.code, 1, 40, [50, 100])],
    );
    expect(rows.map((r) => r.functionalityCode)).toEqual(applies.map((f) => f.code));
    expect(rows[0]).toMatchObject({
      levelChange: 3,
      coverageChange: 50,
      usageChange: 40,
      largeChanges: ["Level up 3", "Coverage up 50 points", "Usage up 40 points"],
    });
    expect(rows[1]).toMatchObject({
      functionalityCode: second!.code,
      current: { level: 0, coveragePct: null, usagePct: null },
      previous: { level: 0, coveragePct: null, usagePct: null },
      levelChange: 0,
      coverageChange: null,
      largeChanges: [],
    });
  });

  it("gives no previous figures and no changes when there is no previous period", () => {
    const rows = compareReturnRecords(defaultFramework.functionalities, "acute", [], null);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r).toMatchObject({ previous: null, levelChange: null, coverageChange: null, largeChanges: [] });
    }
  });
});

describe("two reviewers on one return", () => {
  it("refuses a decision on a stale version with the return as stored, and applies one without a version", () => {
    expect(() => assertReturnVersion({ version: 2 }, 2)).not.toThrow();
    expect(() => assertReturnVersion({ version: 2 }, undefined)).not.toThrow();
    expect(() => assertReturnVersion({ version: 3 }, 2)).toThrow(
      expect.objectContaining({
        code: "CONFLICT",
        message: "This return changed since you opened it (now version 3)",
        current: { version: 3 },
      }),
    );
  });
});
