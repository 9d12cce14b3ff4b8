import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PeriodSchema,
  comparePeriods,
  listQuarters,
  nextPeriod,
  periodOf,
  periodRange,
  previousPeriod,
} from "../src/index.js";

describe("periods", () => {
  it("puts 31 March 2026 in 2025/26 Q4 and 1 April 2026 in 2026/27 Q1", () => {
    expect(periodOf("2026-03-31", "quarter")).toBe("2025/26 Q4");
    expect(periodOf("2026-04-01", "quarter")).toBe("2026/27 Q1");
    expect(periodOf("2026-03-31", "year")).toBe("2025/26");
    expect(periodOf(new Date("2026-04-01T00:00:00Z"), "year")).toBe("2026/27");
    expect(periodOf("2025-12-31", "quarter")).toBe("2025/26 Q3");
    expect(periodOf("1999-07-01", "year")).toBe("1999/00");
  });

  it("gives each period's first and last day", () => {
    expect(periodRange("2025/26")).toEqual({ start: "2025-04-01", end: "2026-03-31" });
    expect(periodRange("2025/26 Q1")).toEqual({ start: "2025-04-01", end: "2025-06-30" });
    expect(periodRange("2025/26 Q3")).toEqual({ start: "2025-10-01", end: "2025-12-31" });
    expect(periodRange("2023/24 Q4")).toEqual({ start: "2024-01-01", end: "2024-03-31" });
  });

  it("steps back and forward across years", () => {
    expect(previousPeriod("2026/27 Q1")).toBe("2025/26 Q4");
    expect(previousPeriod("2025/26")).toBe("2024/25");
    expect(nextPeriod("2025/26 Q4")).toBe("2026/27 Q1");
  });

  it("lists quarters, expanding years", () => {
    expect(listQuarters("2025/26 Q3", "2026/27 Q2")).toEqual([
      "2025/26 Q3",
      "2025/26 Q4",
      "2026/27 Q1",
      "2026/27 Q2",
    ]);
    expect(listQuarters("2025/26", "2025/26")).toHaveLength(4);
    expect(listQuarters("2026/27 Q1", "2025/26 Q4")).toEqual([]);
  });

  it("validates period strings with a message naming the field", () => {
    expect(PeriodSchema.safeParse("2025/26 Q4").success).toBe(true);
    const bad = PeriodSchema.safeParse("2025/27");
    expect(bad.success ? "" : bad.error.issues[0]?.message).toMatch(/^Period's second year/);
    const worse = PeriodSchema.safeParse("Q4 2025");
    expect(worse.success ? "" : worse.error.issues[0]?.message).toBe(
      "Period must look like 2025/26 or 2025/26 Q4",
    );
  });

  it("every day falls in the quarter whose range contains it, and previous/next invert (property)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2099-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const q = periodOf(iso, "quarter");
          const { start, end } = periodRange(q);
          expect(start <= iso && iso <= end).toBe(true);
          expect(periodOf(d, "quarter")).toBe(q);
          expect(nextPeriod(previousPeriod(q))).toBe(q);
          expect(comparePeriods(previousPeriod(q), q)).toBe(-1);
        },
      ),
    );
  });
});
