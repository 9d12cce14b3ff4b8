import { defaultFramework } from "@realise/domain";
import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";

describe.each(engines)("framework.current on %s", (engine) => {
  const h = useHarness(engine);

  it("returns the published default framework, as seeded, to anyone", async () => {
    const framework = await h.as(null).framework.current();
    expect(framework.version).toBe(1);
    expect(framework.status).toBe("published");
    expect(framework.tiers.map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
    expect(framework.functionalities).toHaveLength(defaultFramework.functionalities.length);
    expect(framework.functionalities.length).toBeGreaterThanOrEqual(40);
    expect(framework.criteria.length).toBeGreaterThan(0);
    expect(new Set(framework.benefitTypes.map((b) => b.benefitClass)).size).toBe(5);
    expect(framework.milestones.map((m) => m.targetDate)).toContain("2026-03-31");
    expect(framework).toEqual(JSON.parse(JSON.stringify(defaultFramework)));
  });
});
