import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "../src/format";

describe("formatDate", () => {
  it("writes an API date the NHS way, whatever the browser's zone", () => {
    expect(formatDate("2026-12-01")).toBe("1 December 2026");
    expect(formatDate("2027-01-30")).toBe("30 January 2027");
  });
  it("shows a dash for no date and passes unreadable text through", () => {
    expect(formatDate(null)).toBe("–");
    expect(formatDate("soon")).toBe("soon");
  });
});

describe("formatDateTime", () => {
  it("writes the month in full, in UK time", () => {
    expect(formatDateTime("2026-12-01T22:37:00Z")).toBe("1 December 2026 at 22:37");
    expect(formatDateTime("2026-07-01T12:00:00Z")).toBe("1 July 2026 at 13:00");
  });
});
