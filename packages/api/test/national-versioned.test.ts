import { describe, expect, it } from "vitest";
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
