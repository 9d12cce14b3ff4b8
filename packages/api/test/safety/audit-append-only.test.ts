import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { engines, useHarness } from "../support/harness.js";

describe.each(engines)("audit log is append-only in the database on %s", (engine) => {
  const h = useHarness(engine);

  const snapshot = async () =>
    (
      await sql<{ n: number; digest: string }>`
        select count(*)::int as n, md5(coalesce(string_agg(to_jsonb(a)::text, '' order by id), '')) as digest
        from audit_log a`.execute(h.database.db)
    ).rows[0]!;

  it("accepts new rows, and refuses UPDATE, DELETE and TRUNCATE whoever holds the connection", async () => {
    await sql`insert into audit_log (action, entity, entity_key, after)
      values ('safety.test', 'safety', 'k', '{"v": 1}')`.execute(h.database.db);
    const before = await snapshot();
    expect(before.n).toBeGreaterThan(0);
    const refusals = [
      sql`update audit_log set action = 'rewritten'`,
      sql`update audit_log set after = null where entity = 'safety'`,
      sql`delete from audit_log where entity = 'safety'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ];
    for (const statement of refusals) {
      await expect(statement.execute(h.database.db)).rejects.toThrow(/append-only/);
    }
    // Not even inside a transaction that otherwise commits.
    await expect(
      h.database.db.transaction().execute(async (trx) => {
        await sql`insert into audit_log (action, entity, entity_key) values ('x', 'safety', 'k2')`.execute(
          trx,
        );
        await sql`delete from audit_log where entity_key = 'k'`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await snapshot()).toEqual(before);
  });
});
