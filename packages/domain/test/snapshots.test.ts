import { describe, expect, it } from "vitest";
import { assertFreezable, isSuppressed, membershipDate } from "../src/index.js";

describe("freezing a snapshot", () => {
  it("reads ICB membership at the period's last day, or today while the period runs", () => {
    expect(membershipDate("2024/25 Q4", "2026-01-10")).toBe("2025-03-31");
    expect(membershipDate("2025/26 Q4", "2026-01-10")).toBe("2026-01-10");
    expect(membershipDate("2025/26", "2026-03-31")).toBe("2026-03-31");
  });

  it("refuses a period already published, and freezes over a preview", () => {
    expect(() => assertFreezable("2025/26 Q4", undefined)).not.toThrow();
    expect(() => assertFreezable("2025/26 Q4", "preview")).not.toThrow();
    expect(() => assertFreezable("2025/26 Q4", "published")).toThrow(
      expect.objectContaining({
        code: "PRECONDITION_FAILED",
        message: "The snapshot for 2025/26 Q4 is already published and cannot be frozen again",
      }),
    );
  });

  it("withholds the breakdown of a group smaller than the threshold", () => {
    expect(isSuppressed(4, 5)).toBe(true);
    expect(isSuppressed(5, 5)).toBe(false);
    expect(isSuppressed(0, 0)).toBe(false);
  });
});
