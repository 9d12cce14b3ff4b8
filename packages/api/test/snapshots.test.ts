import { databaseDigest, insertCollection } from "@realise/db";
import { nextPeriod, periodOf, periodRange, previousPeriod } from "@realise/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";
import { blankAdoption as blank } from "./support/inputs.js";

const CURRENT = periodOf(new Date(), "quarter");
/** Five quarters back: ended, and (unlike the four before it) not frozen by the demo. */
const PERIOD = [1, 2, 3, 4, 5].reduce((p) => previousPeriod(p), CURRENT);

describe.each(engines)("official snapshots on %s", (engine) => {
  const h = useHarness(engine);
  const admin = () => h.principal("admin@demo.realise");
  const approver = (ods: string) => h.principal(`approver.${ods.toLowerCase()}@demo.realise`);

  beforeAll(async () => {
    // A late collection for an ended quarter, so this file can freeze a period of its own.
    const { start, end } = periodRange(PERIOD);
    await insertCollection(h.database.db, {
      period: PERIOD,
      opensOn: start,
      dueOn: end,
      frameworkVersion: 1,
      openedBy: "admin@demo.realise",
    });
  });

  it("refuses to freeze the current or a future period, whatever is submitted", async () => {
    const caller = h.as(await admin());
    const before = (await caller.snapshots.list()).map((s) => s.period);
    for (const period of [CURRENT, nextPeriod(CURRENT)]) {
      await expect(caller.snapshots.freeze({ period })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining("has not ended yet"),
      });
      const preview = await caller.snapshots.preview({ period });
      expect(preview.status).toBe("provisional");
      expect(preview.freezeRefusal).toMatch(/has not ended yet/);
    }
    expect((await caller.snapshots.list()).map((s) => s.period)).toEqual(before);
  });

  it("refuses an ended period with no accepted return: nothing official to publish", async () => {
    const caller = h.as(await admin());
    await expect(caller.snapshots.freeze({ period: PERIOD })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `No return for ${PERIOD} has been accepted yet: there are no official figures to publish`,
    });
    expect((await caller.snapshots.preview({ period: PERIOD })).freezeRefusal).toMatch(/No return for/);
  });

  it("previews provisional figures built only from accepted returns, writing nothing", async () => {
    const a = h.as(await admin());
    for (const ods of ["RGT", "RR8", "RXT"]) {
      await h.as(await approver(ods)).returns.submit({ odsCode: ods, period: PERIOD });
    }
    await a.returns.accept({ odsCode: "RGT", period: PERIOD });
    await a.returns.accept({ odsCode: "RR8", period: PERIOD });
    const digest = await databaseDigest(h.database.db, { exclude: ["session"] });
    const preview = await h.as(h.role("national_analyst")).snapshots.preview({ period: PERIOD });
    expect(preview.status).toBe("provisional");
    expect(preview.freezeRefusal).toBeNull();
    expect(preview.trusts).toBe(2);
    expect(preview.returnCounts).toMatchObject({ accepted: 2, submitted: 1, missing: 199 });
    expect(await databaseDigest(h.database.db, { exclude: ["session"] })).toEqual(digest);
    await expect(h.as(null).snapshots.preview({ period: PERIOD })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("lets only the national admin freeze, and names a bad input", async () => {
    await expect(h.as(h.role("national_analyst")).snapshots.freeze({ period: PERIOD })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    await expect(h.as(await approver("RGT")).snapshots.freeze({ period: PERIOD })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(await admin()).snapshots.freeze({ period: "2025/27 Q4" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("period"),
    });
    await expect(
      h.as(await admin()).snapshots.freeze({ period: PERIOD, extra: 1 } as never),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses a freeze whose confirmation saw other counts", async () => {
    await expect(
      h.as(await admin()).snapshots.freeze({ period: PERIOD, expectedAccepted: 3 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("now 2, you saw 3"),
    });
    expect((await h.as(await admin()).snapshots.list()).some((s) => s.period === PERIOD)).toBe(false);
  });

  it("freezes from the accepted returns' copies with its audit row, matching the preview, the rest counted apart", async () => {
    const caller = h.as(await admin());
    const preview = await caller.snapshots.preview({ period: PERIOD });
    const tiers = await h.database.db
      .selectFrom("organisation_tier")
      .select(["ods_code", "attained_tier"])
      .where("ods_code", "in", ["RGT", "RR8"])
      .orderBy("ods_code")
      .execute();
    const frozen = await caller.snapshots.freeze({ period: PERIOD, expectedAccepted: 2 });
    expect(frozen).toMatchObject({
      period: PERIOD,
      status: "published",
      trusts: 2,
      frozenBy: "admin@demo.realise",
    });
    const detail = await caller.snapshots.detail({ period: PERIOD });
    expect(detail.status).toBe("published");
    expect(detail.tierCounts).toEqual(preview.tierCounts);
    expect(detail.adoptionRecords).toBe(preview.adoptionRecords);
    expect(detail.returns).toEqual(
      expect.arrayContaining([
        { status: "missing", count: 199 },
        { status: "accepted", count: 2 },
      ]),
    );
    // Each official tier is the one the submitted copy scores (records had not moved since submitting).
    const official = await h.database.db
      .selectFrom("snapshot_organisation")
      .select(["ods_code", "attained_tier"])
      .where("period", "=", PERIOD)
      .orderBy("ods_code")
      .execute();
    expect(official).toEqual(tiers);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_email"])
      .where("entity", "=", "snapshot")
      .where("entity_key", "=", PERIOD)
      .execute();
    expect(audit).toEqual([{ action: "snapshot.freeze", actor_email: "admin@demo.realise" }]);
    const trends = await caller.national.trends();
    expect(trends.map((t) => t.period)).toContain(PERIOD);
  });

  it("refuses a second freeze of a published period", async () => {
    await expect(h.as(await admin()).snapshots.freeze({ period: PERIOD })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("already published"),
    });
  });

  it("keeps official figures equal to the accepted copy after later live edits", async () => {
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
    await expect(db.deleteFrom("snapshot").where("period", "=", PERIOD).execute()).rejects.toThrow(
      /published/,
    );
    // Checked per statement: removing, adding or moving any one row into it is refused whole.
    await expect(db.deleteFrom("snapshot_adoption").where("period", "=", PERIOD).execute()).rejects.toThrow(
      /published/,
    );
    const one = await db
      .selectFrom("snapshot_adoption")
      .selectAll()
      .where("period", "=", PERIOD)
      .limit(1)
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto("snapshot_adoption")
        .values({ ...one, functionality_code: "F99" })
        .execute(),
    ).rejects.toThrow(/published/);
    const rows = await db
      .selectFrom("snapshot_adoption")
      .select(db.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBeGreaterThan(0);
    await expect(db.updateTable("return_submission").set({ digest: "x" }).execute()).rejects.toThrow(
      /immutable/,
    );
    await expect(db.deleteFrom("return_submission").where("period", "=", PERIOD).execute()).rejects.toThrow(
      /immutable/,
    );
    const detail = await h.as(h.role("national_analyst")).snapshots.detail({ period: PERIOD });
    expect(detail.trusts).toBe(2);
  });
});
