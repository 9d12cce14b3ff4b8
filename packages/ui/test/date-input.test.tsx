import { describe, expect, it } from "vitest";
import { isoOf, partsOf } from "../src/forms/DateInput";

describe("the NHS date input's boxes", () => {
  it("reads an ISO date into day, month and year, without leading zeros", () => {
    expect(partsOf("2027-03-09")).toEqual({ day: "9", month: "3", year: "2027" });
    expect(partsOf("")).toEqual({ day: "", month: "", year: "" });
    expect(partsOf(null)).toEqual({ day: "", month: "", year: "" });
  });

  it("writes the boxes as an ISO date, padded, and empty boxes as no date", () => {
    expect(isoOf({ day: "9", month: "3", year: "2027" })).toBe("2027-03-09");
    expect(isoOf({ day: " 31 ", month: "12", year: "2027" })).toBe("2027-12-31");
    expect(isoOf({ day: "", month: "", year: "" })).toBe("");
    for (const v of [partsOf("2026-12-01"), partsOf("2028-02-29")]) expect(partsOf(isoOf(v))).toEqual(v);
  });

  it("never turns a missing or unreadable box into a date", () => {
    for (const parts of [
      { day: "", month: "3", year: "2027" },
      { day: "9", month: "March", year: "2027" },
      { day: "9", month: "3", year: "27" },
      { day: "123", month: "3", year: "2027" },
    ]) {
      expect(isoOf(parts)).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
