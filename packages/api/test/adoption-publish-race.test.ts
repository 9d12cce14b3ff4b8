import { currentFramework, insertFrameworkVersion } from "@realise/db";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";
import { blankAdoption as blank } from "./support/inputs.js";

// Only PostgreSQL runs writers side by side: on PGlite one transaction runs at a time, so no write can
// queue behind a publish there.
describe.runIf(engines.includes("postgres"))("an adoption write queued behind a publish on postgres", () => {
  const h = useHarness("postgres");

  it("scores under the framework the publish put in force, not the one in force when it was sent", async () => {
    const db = h.database.db;
    const editor = await h.principal("editor.rr8@demo.realise");
    const before = await currentFramework(db);
    const record = (await h.as(editor).adoption.forOrganisation({ odsCode: "RR8" })).records.find(
      (r) => r.functionalityCode === "F13",
    )!;

    // A publish in progress: it holds the record (a publish rewrites every record) and has put the next
    // version in force, but has not committed yet.
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let holding!: () => void;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const publish = db.transaction().execute(async (trx) => {
      await trx
        .selectFrom("adoption_record")
        .select("version")
        .where("ods_code", "=", "RR8")
        .where("functionality_code", "=", "F13")
        .forUpdate()
        .execute();
      await insertFrameworkVersion(trx, { ...before, version: before.version + 1, status: "published" });
      holding();
      await committed;
    });
    await held;

    const write = h.as(editor).adoption.update({
      odsCode: "RR8",
      functionalityCode: "F13",
      expectedVersion: record.version,
      values: { ...blank, coveragePct: 40 },
    });
    // Wait until the write is queued on the record's lock, then let the publish commit.
    for (let i = 0; i < 200; i++) {
      const waiting = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
      if (Number(waiting.rows[0]!.n) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    commit();
    await publish;

    const result = await write;
    expect(result.record.version).toBe(record.version + 1);
    const tier = await db
      .selectFrom("organisation_tier")
      .select("framework_version")
      .where("ods_code", "=", "RR8")
      .executeTakeFirstOrThrow();
    expect(tier.framework_version).toBe(before.version + 1);
  });
});
