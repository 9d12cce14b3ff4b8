import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { UNVERSIONED_TABLES } from "../src/migrations/0019_data_version.js";
import { dataVersion } from "../src/index.js";
import { testEngines } from "../src/testing.js";
import { useMigratedDatabase } from "./support.js";

describe.each(testEngines())("the data version on $engine", ({ url }) => {
  const h = useMigratedDatabase(url, { seed: true });

  it("is raised by every table that holds figures, and each table is one or the other", async () => {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(h.database.db);
    const triggered = await sql<{ name: string }>`
      select distinct event_object_table as name from information_schema.triggers
      where trigger_name = event_object_table || '_data_version'`.execute(h.database.db);
    const withTrigger = new Set(triggered.rows.map((r) => r.name));
    // A new table must either raise the version or be listed as holding no figure.
    const neither = tables.rows
      .map((t) => t.name)
      .filter((t) => !withTrigger.has(t) && !UNVERSIONED_TABLES.includes(t));
    expect(neither).toEqual([]);
    expect(withTrigger.has("adoption_record")).toBe(true);
    expect(withTrigger.has("organisation")).toBe(true);
    expect(withTrigger.has("audit_log")).toBe(false);
  });

  it("rises by one per committed transaction however many statements it runs, and not for a rollback", async () => {
    const before = BigInt(await dataVersion(h.database.db));
    await h.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++)
        await trx
          .updateTable("organisation")
          .set({ name: sql`name` })
          .where("ods_code", "=", "RGT")
          .execute();
    });
    expect(BigInt(await dataVersion(h.database.db))).toBe(before + 1n);
    await expect(
      h.database.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("organisation")
          .set({ name: sql`name` })
          .where("ods_code", "=", "RGT")
          .execute();
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(BigInt(await dataVersion(h.database.db))).toBe(before + 1n);
    // Statements outside a transaction are each their own.
    await h.database.db
      .updateTable("organisation")
      .set({ name: sql`name` })
      .where("ods_code", "=", "RGT")
      .execute();
    await h.database.db
      .updateTable("organisation")
      .set({ name: sql`name` })
      .where("ods_code", "=", "RGT")
      .execute();
    expect(BigInt(await dataVersion(h.database.db))).toBe(before + 3n);
  });
});
