import { createDatabase, databaseDigest, exportData, importData, migrateToLatest } from "@realise/db";
import { createScratchDatabase } from "@realise/db/testing";
import { describe, expect, it } from "vitest";
import { createAuth, migrateAuth } from "../../src/auth/auth.js";
import { type EngineName, engines, useHarness } from "../support/harness.js";
import { TEST_ORIGIN, TEST_SECRET } from "../support/template.js";

/** An empty database with every table (our migrations and better-auth's), on the same engine. */
async function emptyDatabase(engine: EngineName) {
  const scratch = engine === "postgres" ? await createScratchDatabase(process.env.TEST_DATABASE_URL!) : null;
  const database = await createDatabase(scratch ? { databaseUrl: scratch.url, poolSize: 2 } : {});
  await migrateToLatest(database.db);
  await migrateAuth(createAuth(database, { baseURL: TEST_ORIGIN, secret: TEST_SECRET }), database);
  return {
    database,
    async drop() {
      await database.close();
      await scratch?.drop();
    },
  };
}

const EPHEMERAL = ["session", "verification", "kysely_migration", "kysely_migration_lock"];

describe.each(engines)("backup and restore on %s", (engine) => {
  const h = useHarness(engine);

  it("re-imports the whole national data into an empty database with an identical digest", async () => {
    const source = await databaseDigest(h.database.db, { exclude: EPHEMERAL });
    // Through text, as the file on disk would be.
    const file = JSON.parse(JSON.stringify(await exportData(h.database.db)));
    const target = await emptyDatabase(engine);
    try {
      const result = await importData(target.database.db, file);
      const restored = await databaseDigest(target.database.db, { exclude: EPHEMERAL });
      expect(restored.tables).toEqual(source.tables);
      expect(restored.digest).toBe(source.digest);
      // Sequences continue after the restored rows: a new audit row gets a fresh id.
      await target.database.db
        .insertInto("audit_log")
        .values({ action: "restore.check", entity: "backup", entity_key: "x" })
        .execute();
      // A second import is refused: the target is no longer empty.
      await expect(importData(target.database.db, file)).rejects.toThrow(/not empty/);
      console.info(
        `[safety] backup on ${engine}: national export ${result.tables} tables, ${result.rows} rows, digest ${source.digest.slice(0, 12)} restored identically`,
      );
    } finally {
      await target.drop();
    }
    // The whole nation (46,000 rows, audit rows through the chain trigger) can pass a minute on two busy cores.
  }, 180_000);

  it("re-imports one trust's export (with what it refers to) into an empty database, identically", async () => {
    const file = JSON.parse(JSON.stringify(await exportData(h.database.db, { odsCode: "RGT" })));
    expect(file.tables.organisation.map((o: { ods_code: string }) => o.ods_code)).toEqual(["RGT"]);
    expect(file.tables.adoption_record.length).toBeGreaterThan(10);
    expect(file.tables.adoption_record.every((r: { ods_code: string }) => r.ods_code === "RGT")).toBe(true);
    expect(file.tables.audit_log.every((r: { ods_code: string }) => r.ods_code === "RGT")).toBe(true);
    // No other trust's rows, and no accounts or password hashes.
    expect(file.tables.account ?? []).toEqual([]);
    const target = await emptyDatabase(engine);
    try {
      await importData(target.database.db, file);
      const again = JSON.parse(JSON.stringify(await exportData(target.database.db, { odsCode: "RGT" })));
      expect(again.tables).toEqual(file.tables);
      const everything = JSON.parse(JSON.stringify(await exportData(target.database.db)));
      const count = (f: { tables: Record<string, unknown[]> }) =>
        Object.values(f.tables).reduce((n, rows) => n + rows.length, 0);
      expect(count(everything)).toBe(count(file));
    } finally {
      await target.drop();
    }
  });
});
