import { comparePeriods, periodOf, previousPeriod } from "@realise/domain";
import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";

describe.each(engines)("a trust's own official trend on %s", (engine) => {
  const h = useHarness(engine);
  const regionOf = async (odsCode: string) =>
    (
      await h.database.db
        .selectFrom("organisation")
        .select("region")
        .where("ods_code", "=", odsCode)
        .executeTakeFirstOrThrow()
    ).region;

  it("gives the trust's tier and key measures in every published period, oldest first", async () => {
    const viewer = await h.principal("viewer.rgt@demo.realise");
    const trend = await h.as(viewer).adoption.officialTrend({ odsCode: "rgt" });
    expect(trend.odsCode).toBe("RGT");
    expect(trend.periods.length).toBeGreaterThanOrEqual(2);
    const periods = trend.periods.map((p) => p.period);
    expect([...periods].sort(comparePeriods)).toEqual(periods);
    // The latest point is the official figure the public sees for the trust.
    const pub = await h.as(null).organisations.byOdsCode({ odsCode: "RGT" });
    const last = trend.periods.at(-1)!;
    expect(pub.official).toMatchObject({ period: last.period, attainedTier: last.attainedTier });
    for (const p of trend.periods) {
      expect(p.recorded).toBeGreaterThan(0);
      expect(p.adopted).toBeLessThanOrEqual(p.recorded);
      expect(p.embedded).toBeLessThanOrEqual(p.adopted);
      expect(p.validated).toBeLessThanOrEqual(p.recorded);
      expect(p.meanCoveragePct).not.toBeNull();
    }
    // Each point counts the frozen copy, not today's records.
    const frozen = await h.database.db
      .selectFrom("snapshot_adoption")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("period", "=", last.period)
      .where("ods_code", "=", "RGT")
      .where("level", ">=", 3)
      .executeTakeFirstOrThrow();
    expect(last.adopted).toBe(Number(frozen.n));
  });

  it("leaves out a period held as a preview, not yet published", async () => {
    const admin = h.role("national_admin");
    const before = await h.as(admin).adoption.officialTrend({ odsCode: "RGT" });
    // An older quarter held as a preview, not published: not an official figure yet.
    const period = [1, 2, 3, 4, 5, 6].reduce((p) => previousPeriod(p), periodOf(new Date(), "quarter"));
    expect(before.periods.map((p) => p.period)).not.toContain(period);
    await h.database.db
      .insertInto("snapshot")
      .values({
        period,
        status: "preview",
        framework_version: 1,
        frozen_at: new Date(),
        frozen_by: "admin@demo.realise",
      })
      .execute();
    await h.database.db
      .insertInto("snapshot_organisation")
      .values({
        period,
        ods_code: "RGT",
        trust_type: "acute",
        region: await regionOf("RGT"),
        icb_code: null,
        epr_status: "live",
        epr_supplier: null,
        attained_tier: 1,
        progress_to_next: 0.5,
      })
      .execute();
    const after = await h.as(admin).adoption.officialTrend({ odsCode: "RGT" });
    expect(after.periods).toEqual(before.periods);
  });

  it("is for the trust's own staff and the national roles only", async () => {
    const other = await h.principal("editor.rgt@demo.realise");
    const mine = await h.as(other).adoption.officialTrend({ odsCode: "RGT" });
    expect(mine.periods.length).toBeGreaterThan(0);
    const someoneElse = await h.database.db
      .selectFrom("organisation")
      .select("ods_code")
      .where("ods_code", "!=", "RGT")
      .executeTakeFirstOrThrow();
    await expect(h.as(other).adoption.officialTrend({ odsCode: someoneElse.ods_code })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    await expect(h.as(null).adoption.officialTrend({ odsCode: "RGT" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      h.as(h.role("national_analyst")).adoption.officialTrend({ odsCode: "ZZZ" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
