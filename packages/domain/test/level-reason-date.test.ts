import { describe, expect, it } from "vitest";
import { defaultFramework, deriveAdoptionLevel } from "../src/index.js";

describe("a level's reason dates in the NHS style", () => {
  it("says a planned go-live as 30 September 2026, not 2026-09-30", () => {
    const d = deriveAdoptionLevel(defaultFramework.functionalities[0]!, {
      coveragePct: null,
      usageNumerator: null,
      usageDenominator: null,
      paperRetired: false,
      benefitMeasured: false,
      plannedGoLive: "2026-09-30",
    });
    expect(d.level).toBe(1);
    expect(d.reason).toContain("go-live planned for 30 September 2026");
    expect(d.reason).not.toContain("2026-09-30");
  });
});
