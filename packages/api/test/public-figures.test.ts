import { periodOf, previousPeriod } from "@realise/domain";
import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";
import { blankAdoption as blank } from "./support/inputs.js";

describe.each(engines)("what the public sees on %s", (engine) => {
  const h = useHarness(engine);
  const latestOfficial = previousPeriod(periodOf(new Date(), "quarter"));

  it("shows anonymous visitors only official tiers, labelled with their period", async () => {
    const list = await h.as(null).organisations.list();
    expect(list).toHaveLength(202);
    expect(list.every((t) => t.attainedTier === null && t.progressToNext === null)).toBe(true);
    const rgt = list.find((t) => t.odsCode === "RGT")!;
    expect(rgt.official).toMatchObject({ period: latestOfficial });
    // A trust without an accepted return in that quarter shows its latest official figure, or none.
    expect(list.filter((t) => t.official !== null).length).toBeGreaterThan(150);
  });

  it("never changes for the public when a trust edits, while its own staff see the change", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    const before = await h.as(null).organisations.list();
    const one = await h.as(null).organisations.byOdsCode({ odsCode: "RGT" });
    const liveBefore = (await h.as(editor).organisations.byOdsCode({ odsCode: "RGT" })).attainedTier;
    expect(liveBefore).not.toBeNull();

    // Knock every record of tier 1 down to nothing: the live tier falls to 0.
    const dash = await h.as(editor).adoption.forOrganisation({ odsCode: "RGT" });
    const tier1 = new Set(dash.framework.functionalities.filter((f) => f.tier === 1).map((f) => f.code));
    for (const r of dash.records.filter((x) => tier1.has(x.functionalityCode))) {
      await h.as(editor).adoption.update({
        odsCode: "RGT",
        functionalityCode: r.functionalityCode,
        expectedVersion: r.version,
        values: { ...blank },
      });
    }
    const liveAfter = (await h.as(editor).organisations.byOdsCode({ odsCode: "RGT" })).attainedTier;
    expect(liveAfter).toBe(0);
    expect(await h.as(null).organisations.list()).toEqual(before);
    expect(await h.as(null).organisations.byOdsCode({ odsCode: "RGT" })).toEqual(one);
  });

  it("shows live tiers to a trust's own staff for their trust only, and to the national roles for all", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    const mine = await h.as(editor).organisations.list();
    expect(mine.find((t) => t.odsCode === "RGT")!.attainedTier).not.toBeNull();
    expect(mine.filter((t) => t.odsCode !== "RGT").every((t) => t.attainedTier === null)).toBe(true);
    const analyst = await h.as(h.role("national_analyst")).organisations.list();
    expect(analyst.every((t) => t.attainedTier !== null)).toBe(true);
  });
});
