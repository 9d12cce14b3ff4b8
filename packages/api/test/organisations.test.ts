import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";

describe.each(engines)("organisations on %s", (engine) => {
  const h = useHarness(engine);

  it("lists the 202 real trusts to anyone", async () => {
    const all = await h.as(null).organisations.list();
    expect(all).toHaveLength(202);
    expect(all.find((o) => o.odsCode === "RGT")?.name).toBe(
      "Cambridge University Hospitals NHS Foundation Trust",
    );
  });

  it("filters by trust type, region, ICB and text", async () => {
    const caller = h.as(null);
    expect(await caller.organisations.list({ trustType: "ambulance" })).toHaveLength(10);
    const nw = await caller.organisations.list({ region: "North West", trustType: "specialist" });
    expect(nw).toHaveLength(5);
    const cambridge = await caller.organisations.list({ search: "cambridge" });
    expect(cambridge.map((o) => o.odsCode)).toContain("RGT");
    const icb = await caller.organisations.list({ icbCode: "QUE", asOf: "2025-06-01" });
    expect(icb.map((o) => o.odsCode)).toContain("RGT");
  });

  it("answers a bad filter with BAD_REQUEST naming the field", async () => {
    await expect(h.as(null).organisations.list({ trustType: "hospital" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("trustType"),
    });
    await expect(h.as(null).organisations.list({ colour: "blue" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(h.as(null).organisations.list({ search: "x".repeat(101) })).rejects.toMatchObject({
      message: expect.stringContaining("search"),
    });
  });

  it("finds a trust by ODS code, case-insensitively, and says clearly when none has it", async () => {
    const rru = await h.as(null).organisations.byOdsCode({ odsCode: "rru" });
    expect(rru.trustType).toBe("ambulance");
    expect(rru.icbMemberships.length).toBeGreaterThan(0);
    await expect(h.as(null).organisations.byOdsCode({ odsCode: "ZZZ" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "No trust has the ODS code ZZZ",
    });
    await expect(h.as(null).organisations.byOdsCode({ odsCode: "TOOLONGCODE" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("odsCode"),
    });
  });

  it("counts the registry for the national summary", async () => {
    const summary = await h.as(null).registry.summary();
    expect(summary.total).toBe(202);
    expect(summary.byTrustType.find((r) => r.key === "acute")?.count).toBe(120);
    expect(summary.byEprStatus.reduce((s, r) => s + r.count, 0)).toBe(202);
  });
});
