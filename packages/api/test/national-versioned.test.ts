import { describe, expect, it } from "vitest";
import { adoptionForOrganisation } from "../src/services/adoption/index.js";
import { nationalHeatmap, nationalOverview } from "../src/services/national/index.js";
import { engines, useHarness } from "./support/harness.js";

/**
 * The national views are kept per data version (issue 18): reused while nothing changes, computed afresh
 * on the next request after any committed change, by whatever path it was written.
 */
describe.each(engines)("national views kept per data version on %s", (engine) => {
  const h = useHarness(engine);
  const live = (o: Awaited<ReturnType<typeof nationalOverview>>) =>
    o.eprStatus.find((s) => s.status === "live")?.count ?? 0;

  it("reuses a view until the data changes, then shows the change on the next request", async () => {
    const db = h.database.db;
    const first = await nationalHeatmap(db, { region: "London" });
    expect(await nationalHeatmap(db, { region: "London" })).toBe(first);
    // A different filter is a different view.
    expect(await nationalHeatmap(db, { region: "North West" })).not.toBe(first);

    const before = await nationalOverview(db, {});
    const rgt = await db
      .selectFrom("organisation")
      .select("epr_status")
      .where("ods_code", "=", "RGT")
      .executeTakeFirstOrThrow();
    expect(rgt.epr_status).toBe("live");
    // Written straight to the table, as a script or a restore would: no code path to forget.
    await db
      .updateTable("organisation")
      .set({ epr_status: "procuring" })
      .where("ods_code", "=", "RGT")
      .execute();
    const after = await nationalOverview(db, {});
    expect(live(after)).toBe(live(before) - 1);
    await db.updateTable("organisation").set({ epr_status: "live" }).where("ods_code", "=", "RGT").execute();
    expect(live(await nationalOverview(db, {}))).toBe(live(before));
  });

  it("keeps a trust's dashboard until anything it shows changes, the name of who entered a record included", async () => {
    const db = h.database.db;
    const editor = await h.principal("editor.rgt@demo.realise");
    const seen = await adoptionForOrganisation(db, { odsCode: "RGT" });
    const record = seen.records[0]!;
    await h.as(editor).adoption.update({
      odsCode: "RGT",
      functionalityCode: record.functionalityCode,
      expectedVersion: record.version,
      values: {
        coveragePct: record.coveragePct,
        usageNumerator: record.usageNumerator,
        usageDenominator: record.usageDenominator,
        measurementWindowStart: record.measurementWindowStart,
        measurementWindowEnd: record.measurementWindowEnd,
        paperRetired: record.paperRetired,
        plannedGoLive: record.plannedGoLive,
        claimedLevel: null,
        claimReason: null,
        evidence: record.evidence,
        notes: "entered for the dashboard test",
      },
    });
    const first = await adoptionForOrganisation(db, { odsCode: "RGT" });
    expect(first).not.toBe(seen);
    expect(await adoptionForOrganisation(db, { odsCode: "RGT" })).toBe(first);
    const sourceOf = (d: typeof first) =>
      d.records.find((r) => r.functionalityCode === record.functionalityCode)?.source;
    expect(sourceOf(first)).toMatchObject({ kind: "person", name: editor.name });
    // Renamed straight in the accounts' table: the next request shows the new name.
    await db
      .updateTable("user")
      .set({ name: "Renamed Editor" } as never)
      .where("email", "=", editor.email)
      .execute();
    const renamed = await adoptionForOrganisation(db, { odsCode: "RGT" });
    expect(sourceOf(renamed)).toMatchObject({ kind: "person", name: "Renamed Editor" });
    await db
      .updateTable("user")
      .set({ name: editor.name } as never)
      .where("email", "=", editor.email)
      .execute();
  });

  it("keeps nothing a transaction saw, so a rolled-back change is never served", async () => {
    const db = h.database.db;
    const before = live(await nationalOverview(db, {}));
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable("organisation")
          .set({ epr_status: "none" })
          .where("ods_code", "=", "RGT")
          .execute();
        expect(live(await nationalOverview(trx, {}))).toBe(before - 1);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(live(await nationalOverview(db, {}))).toBe(before);
  });
});
