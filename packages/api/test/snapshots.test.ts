import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";
import { blankAdoption as blank } from "./support/inputs.js";

const PERIOD = "2025/26 Q4";

describe.each(engines)("snapshots on %s", (engine) => {
  const h = useHarness(engine);
  const admin = () => h.principal("admin@demo.realise");

  it("previews the figures a freeze would publish, writing nothing", async () => {
    const analyst = h.role("national_analyst");
    const preview = await h.as(analyst).snapshots.preview({ period: PERIOD });
    const overview = await h.as(analyst).national.overview();
    expect(preview.status).toBe("live");
    expect(preview.trusts).toBe(202);
    expect(preview.tierCounts).toEqual(overview.tierCounts);
    expect(preview.eprStatus).toEqual(overview.eprStatus);
    const records = await h.database.db
      .selectFrom("adoption_record")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(preview.adoptionRecords).toBe(Number(records.n));
    expect(await h.as(analyst).snapshots.list()).toEqual([]);
    await expect(h.as(analyst).snapshots.detail({ period: PERIOD })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lets only the national admin freeze", async () => {
    await expect(h.as(h.role("national_analyst")).snapshots.freeze({ period: PERIOD })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    const approver = await h.principal("approver.rgt@demo.realise");
    await expect(h.as(approver).snapshots.freeze({ period: PERIOD })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(approver).snapshots.preview({ period: PERIOD })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(null).snapshots.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(h.as(await admin()).snapshots.freeze({ period: "2025/27 Q4" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("period"),
    });
    await expect(
      h.as(await admin()).snapshots.freeze({ period: PERIOD, extra: 1 } as never),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await h.as(await admin()).snapshots.list()).toEqual([]);
  });

  it("freezes and publishes a period with its audit row, matching the preview", async () => {
    const caller = h.as(await admin());
    const preview = await caller.snapshots.preview({ period: PERIOD });
    const frozen = await caller.snapshots.freeze({ period: PERIOD });
    expect(frozen).toMatchObject({
      period: PERIOD,
      status: "published",
      trusts: 202,
      frozenBy: "admin@demo.realise",
    });
    const detail = await caller.snapshots.detail({ period: PERIOD });
    expect(detail.status).toBe("published");
    expect(detail.tierCounts).toEqual(preview.tierCounts);
    expect(detail.eprStatus).toEqual(preview.eprStatus);
    expect(detail.adoptionRecords).toBe(preview.adoptionRecords);
    expect(detail.byTrustType).toEqual(preview.byTrustType);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_email", "after"])
      .where("entity", "=", "snapshot")
      .where("entity_key", "=", PERIOD)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "snapshot.freeze", actor_email: "admin@demo.realise" });
    const trends = await caller.national.trends();
    expect(trends.map((t) => t.period)).toEqual([PERIOD]);
    expect(trends[0]!.tierCounts).toEqual(preview.tierCounts);
    const ambulance = await caller.national.trends({ trustType: "ambulance" });
    expect(ambulance[0]!.trusts).toBe(10);
  });

  it("refuses a second freeze of a published period", async () => {
    await expect(h.as(await admin()).snapshots.freeze({ period: PERIOD })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("already published"),
    });
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select("id")
      .where("entity", "=", "snapshot")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("keeps published figures unchanged when trusts update afterwards", async () => {
    const editor = await h.principal("editor.rr8@demo.realise");
    const before = await h.database.db
      .selectFrom("snapshot_adoption")
      .selectAll()
      .where("period", "=", PERIOD)
      .where("ods_code", "=", "RR8")
      .orderBy("functionality_code")
      .execute();
    const dash = await h.as(editor).adoption.forOrganisation({ odsCode: "RR8" });
    const target = dash.records.find((r) => r.level > 0)!;
    await h.as(editor).adoption.update({
      odsCode: "RR8",
      functionalityCode: target.functionalityCode,
      expectedVersion: target.version,
      values: { ...blank },
    });
    const live = await h.as(editor).adoption.forOrganisation({ odsCode: "RR8" });
    expect(live.records.find((r) => r.functionalityCode === target.functionalityCode)!.level).toBe(0);
    const after = await h.database.db
      .selectFrom("snapshot_adoption")
      .selectAll()
      .where("period", "=", PERIOD)
      .where("ods_code", "=", "RR8")
      .orderBy("functionality_code")
      .execute();
    expect(after).toEqual(before);
    expect(after.find((r) => r.functionality_code === target.functionalityCode)!.level).toBe(target.level);
  });

  it("refuses any change to a published snapshot in the database itself", async () => {
    const db = h.database.db;
    await expect(
      db.updateTable("snapshot_adoption").set({ level: 5 }).where("period", "=", PERIOD).execute(),
    ).rejects.toThrow(/published/);
    await expect(
      db
        .updateTable("snapshot_organisation")
        .set({ attained_tier: 5 })
        .where("period", "=", PERIOD)
        .execute(),
    ).rejects.toThrow(/published/);
    await expect(
      db
        .insertInto("snapshot_organisation")
        .values({
          period: PERIOD,
          ods_code: "ZZZ",
          trust_type: "acute",
          region: "London",
          icb_code: null,
          epr_status: "live",
          epr_supplier: null,
          attained_tier: 5,
          progress_to_next: 0,
        })
        .execute(),
    ).rejects.toThrow(/published/);
    await expect(db.deleteFrom("snapshot").where("period", "=", PERIOD).execute()).rejects.toThrow(
      /published/,
    );
    await expect(
      db.updateTable("snapshot").set({ status: "preview" }).where("period", "=", PERIOD).execute(),
    ).rejects.toThrow(/published/);
    const detail = await h.as(h.role("national_analyst")).snapshots.detail({ period: PERIOD });
    expect(detail.trusts).toBe(202);
  });

  it("lets two periods be frozen, each with its own figures", async () => {
    const caller = h.as(await admin());
    await caller.snapshots.freeze({ period: "2026/27 Q1" });
    const list = await caller.snapshots.list();
    expect(list.map((s) => s.period).sort()).toEqual(["2025/26 Q4", "2026/27 Q1"]);
    const trends = await caller.national.trends();
    expect(trends.map((t) => t.period)).toEqual(["2025/26 Q4", "2026/27 Q1"]);
  });
});
