import type { Principal } from "@realise/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { engines, useHarness } from "../support/harness.js";

const ICB = "S1Y5D"; // NHS Central East ICB

describe.each(engines)("comparing two published periods on %s", (engine) => {
  const h = useHarness(engine);
  let from = "";
  let to = "";
  let icbViewer: Principal;

  beforeAll(async () => {
    const published = await h.as(h.role("national_admin")).snapshots.list();
    const periods = (published as { period: string; status: string }[])
      .filter((s) => s.status === "published")
      .map((s) => s.period);
    // Newest first: compare the one before the latest with the latest.
    to = periods[0]!;
    from = periods[1]!;
    icbViewer = await h.principal("icb@demo.realise");
  });

  const frozenTiers = async (period: string, icbCode?: string) => {
    let q = h.database.db
      .selectFrom("snapshot_organisation")
      .select(["ods_code", "attained_tier"])
      .where("period", "=", period);
    if (icbCode) q = q.where("icb_code", "=", icbCode);
    const rows = await q.execute();
    return new Map(rows.map((r) => [r.ods_code, Number(r.attained_tier)]));
  };

  it("counts movements over the trusts in both periods, agreeing with the snapshots' tiers", async () => {
    expect(from).not.toBe("");
    const c = await h.as(h.role("national_analyst")).national.comparePeriods({ from, to });
    const [before, after] = await Promise.all([frozenTiers(from), frozenTiers(to)]);
    const both = [...after.keys()].filter((k) => before.has(k));
    expect(c.inBoth).toBe(both.length);
    expect(c.movement.flat().reduce((n, x) => n + x, 0)).toBe(both.length);
    expect(c.from.trusts).toBe(before.size);
    expect(c.to.trusts).toBe(after.size);
    expect(c.from.tierCounts.reduce((n, x) => n + x, 0)).toBe(before.size);
    for (let a = 0; a < c.movement.length; a++)
      for (let b = 0; b < c.movement.length; b++)
        expect(c.movement[a]![b]).toBe(both.filter((k) => before.get(k) === a && after.get(k) === b).length);
    const moved = both.filter((k) => before.get(k) !== after.get(k)).sort();
    expect(c.moved.map((m) => m.odsCode).sort()).toEqual(moved);
    for (const m of c.moved) {
      expect(m.fromTier).toBe(before.get(m.odsCode));
      expect(m.toTier).toBe(after.get(m.odsCode));
      expect(m.name).not.toBe(m.odsCode);
    }
  });

  it("lists the trusts that moved, by name with both tiers, and leaves out a preview", async () => {
    const admin = h.role("national_admin");
    const orgs = await h.database.db
      .selectFrom("organisation")
      .select(["ods_code", "name", "region", "trust_type"])
      .where("ods_code", "in", ["RGT", "RR8", "RJ1"])
      .orderBy("ods_code")
      .execute();
    const put = async (period: string, tiers: Record<string, number>, status: "preview" | "published") => {
      await h.database.db
        .insertInto("snapshot")
        .values({ period, status: "preview", framework_version: 1, frozen_at: new Date(), frozen_by: "t" })
        .execute();
      for (const o of orgs.filter((o) => tiers[o.ods_code] !== undefined))
        await h.database.db
          .insertInto("snapshot_organisation")
          .values({
            period,
            ods_code: o.ods_code,
            trust_type: o.trust_type,
            region: o.region,
            icb_code: null,
            epr_status: "live",
            epr_supplier: null,
            attained_tier: tiers[o.ods_code]!,
            progress_to_next: 0.5,
          })
          .execute();
      if (status === "published")
        await h.database.db
          .updateTable("snapshot")
          .set({ status: "published", published_at: new Date() })
          .where("period", "=", period)
          .execute();
    };
    await put("2020/21 Q1", { RGT: 1, RR8: 2, RJ1: 3 }, "published");
    await put("2020/21 Q2", { RGT: 2, RR8: 2 }, "published");
    await put("2020/21 Q3", { RGT: 4, RR8: 4 }, "preview");
    const c = await h.as(admin).national.comparePeriods({ from: "2020/21 Q1", to: "2020/21 Q2" });
    expect(c.from.tierCounts.slice(0, 4)).toEqual([0, 1, 1, 1]);
    expect(c.to.tierCounts.slice(0, 4)).toEqual([0, 0, 2, 0]);
    expect(c.inBoth).toBe(2);
    expect(c.movement[1]![2]).toBe(1);
    expect(c.movement[2]![2]).toBe(1);
    const rgt = orgs.find((o) => o.ods_code === "RGT")!;
    expect(c.moved).toEqual([{ odsCode: "RGT", name: rgt.name, fromTier: 1, toTier: 2 }]);
    await expect(
      h.as(admin).national.comparePeriods({ from: "2020/21 Q2", to: "2020/21 Q3" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("2020/21 Q3") });
  });

  it("gives an ICB viewer only their ICB's trusts, and refuses another ICB", async () => {
    const c = await h.as(icbViewer).national.comparePeriods({ from, to });
    const [before, after] = await Promise.all([frozenTiers(from, ICB), frozenTiers(to, ICB)]);
    expect(c.from.trusts).toBe(before.size);
    expect(c.to.trusts).toBe(after.size);
    const both = [...after.keys()].filter((k) => before.has(k));
    expect(c.inBoth).toBe(both.length);
    for (const m of c.moved) expect(after.has(m.odsCode)).toBe(true);
    await expect(h.as(icbViewer).national.comparePeriods({ from, to, icbCode: "QWO" })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
  });

  it("refuses a period without published figures, naming the field", async () => {
    await expect(
      h.as(h.role("national_analyst")).national.comparePeriods({ from: "2019/20 Q1", to }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("2019/20 Q1") });
  });
});
