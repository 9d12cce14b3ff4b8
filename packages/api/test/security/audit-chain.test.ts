import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { checkAuditChain, createDatabase, type Database, writeAudit } from "@realise/db";
import { createScratchDatabase } from "@realise/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "../../src/services/audit/verify-chain.js";
import { engines, useHarness } from "../support/harness.js";

const run = promisify(execFile);
const CLI = fileURLToPath(new URL("../../dist/audit-cli.js", import.meta.url));
const actor = { userId: "u-chain", email: "chain@test.realise" };

describe.each(engines)("audit chain (%s)", (engine) => {
  const h = useHarness(engine);

  it("chains every row, concurrent writers included, and verifies the whole chain", async () => {
    const db = h.database.db;
    // Concurrent transactions each writing audit rows queue on the chain's head, never forking it.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await writeAudit(trx, actor, { action: "chain.test", entity: "test", entityKey: `k${i}` });
          await writeAudit(trx, actor, { action: "chain.test", entity: "test", entityKey: `k${i}b` });
        }),
      ),
    );
    const rows = await db.selectFrom("audit_log").select(["chain_seq", "prev_hash", "row_hash"]).execute();
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.row_hash ?? ""))).toBe(true);
    const check = await verifyAuditChain(db);
    expect(check).toMatchObject({ ok: true, firstBadId: null });
    expect(check.rowsChecked).toBe(rows.length);
    const status = await h.as(await h.principal("admin@demo.realise")).audit.chainStatus();
    expect(status.verification).toMatchObject({ ok: true, rowsChecked: rows.length });
  });

  it("links a row as its transaction commits, never before, and names a committed row left unlinked", async () => {
    const db = h.database.db;
    // Inside its transaction the row waits unlinked: the chain's head is not held while the write goes on.
    const inside = await db.transaction().execute(async (trx) => {
      await writeAudit(trx, actor, { action: "chain.test", entity: "test", entityKey: "at-commit" });
      return trx
        .selectFrom("audit_log")
        .select(["id", "chain_seq", "row_hash"])
        .where("entity_key", "=", "at-commit")
        .executeTakeFirstOrThrow();
    });
    expect(inside).toMatchObject({ chain_seq: null, row_hash: null });
    const after = await db
      .selectFrom("audit_log")
      .select(["chain_seq", "row_hash"])
      .where("id", "=", inside.id)
      .executeTakeFirstOrThrow();
    expect(after.chain_seq).not.toBeNull();
    expect(after.row_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
    // A row inserted with the linking trigger out of the way stays unlinked: verification names it.
    await sql`alter table audit_log disable trigger audit_log_link`.execute(db);
    await writeAudit(db, actor, { action: "chain.test", entity: "test", entityKey: "unlinked" });
    await sql`alter table audit_log enable trigger audit_log_link`.execute(db);
    const unlinked = await db
      .selectFrom("audit_log")
      .select("id")
      .where("entity_key", "=", "unlinked")
      .executeTakeFirstOrThrow();
    const check = await checkAuditChain(db);
    expect(check).toMatchObject({ ok: false, firstBadId: String(unlinked.id) });
    expect(check.problem).toMatch(/not linked/);
    // Put it right for the next test (as the owner): link it as the trigger would have.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    await sql`delete from audit_log where id = ${unlinked.id}`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
  });

  it("names the first row changed behind the application's back", async () => {
    const db = h.database.db;
    const target = await db
      .selectFrom("audit_log")
      .select(["id"])
      .where("action", "=", "chain.test")
      .orderBy("chain_seq")
      .limit(1)
      .offset(3)
      .executeTakeFirstOrThrow();
    // As the owner, with the append-only trigger out of the way: exactly what the chain is there to find.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    await sql`update audit_log set entity_key = 'forged' where id = ${target.id}`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
    const check = await checkAuditChain(db);
    expect(check.ok).toBe(false);
    expect(check.firstBadId).toBe(String(target.id));
    expect(check.problem).toMatch(/changed/);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("pnpm audit:verify on PostgreSQL", () => {
  const h = {} as { database: Database };
  let url = "";
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, {
      template: inject("postgresTemplate")!,
    });
    url = scratch.url;
    drop = () => scratch.drop();
    h.database = await createDatabase({ databaseUrl: url });
  });
  afterAll(async () => {
    await h.database?.close();
    await drop();
  });
  it("exits 0 on a sound chain and 1 naming the row when one was deleted", async () => {
    for (let i = 0; i < 8; i++)
      await writeAudit(h.database.db, actor, { action: "chain.test", entity: "test", entityKey: `cli${i}` });
    const ok = await run(process.execPath, [CLI], { env: { ...process.env, DATABASE_URL: url } });
    expect(ok.stdout).toMatch(/Audit chain verified: \d+ rows/);
    const victim = await h.database.db
      .selectFrom("audit_log")
      .select(["id", "chain_seq"])
      .orderBy("chain_seq")
      .limit(1)
      .offset(5)
      .executeTakeFirstOrThrow();
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(h.database.db);
    await sql`delete from audit_log where id = ${victim.id}`.execute(h.database.db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(h.database.db);
    const broken = await run(process.execPath, [CLI], { env: { ...process.env, DATABASE_URL: url } }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((broken as { code: number }).code).toBe(1);
    expect((broken as { stderr: string }).stderr).toMatch(/Audit chain broken at audit_log row \d+/);
    const last = await h.database.db
      .selectFrom("audit_verification")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(last.ok).toBe(false);
  });
});
