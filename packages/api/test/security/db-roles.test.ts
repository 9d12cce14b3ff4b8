import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createDatabase, type Database } from "@realise/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@realise/domain";
import { createAuth } from "../../src/auth/auth.js";
import { createCaller } from "../../src/caller.js";
import type { Running } from "../../src/http/boot.js";
import { verifyAuditChain } from "../../src/services/audit/verify-chain.js";
import { signIn, startServer, trpc } from "../safety/http.js";
import { blankAdoption } from "../support/inputs.js";
import { TEST_ORIGIN, TEST_SECRET } from "../support/template.js";

/**
 * The server as a least-privilege runtime role (DATABASE_URL) with migrations run as the owner
 * (DATABASE_ADMIN_URL). Real PostgreSQL only: the embedded engine has a single superuser and no roles.
 */
const base = process.env.TEST_DATABASE_URL;
const run = promisify(execFile);
const CLI = fileURLToPath(new URL("../../dist/audit-cli.js", import.meta.url));
const suffix = randomBytes(4).toString("hex");
const names = {
  database: `realise_roles_${suffix}`,
  owner: `realise_owner_${suffix}`,
  runtime: `realise_app_${suffix}`,
};
const PASSWORD = `pw-${suffix}`;

function urlAs(role: string): string {
  const u = new URL(base!);
  u.username = role;
  u.password = PASSWORD;
  u.pathname = `/${names.database}`;
  return u.toString();
}

async function asSuperuser(text: string): Promise<void> {
  const superuser = await createDatabase({ databaseUrl: base, poolSize: 1 });
  try {
    await sql.raw(text).execute(superuser.db);
  } finally {
    await superuser.close();
  }
}

describe.skipIf(!base)("two database roles on PostgreSQL (skipped: needs TEST_DATABASE_URL)", () => {
  let server: Running | undefined;
  let runtime: Database;
  let owner: Database;

  beforeAll(async () => {
    await asSuperuser(`create role "${names.owner}" login password '${PASSWORD}'`);
    await asSuperuser(`create role "${names.runtime}" login password '${PASSWORD}'`);
    await asSuperuser(`create database "${names.database}" owner "${names.owner}"`);
    // Migrations as the owner, then everything else (seeding the demo included) as the runtime role.
    runtime = await createDatabase({ databaseUrl: urlAs(names.runtime) });
    server = await startServer(runtime, { databaseAdminUrl: urlAs(names.owner) });
    owner = await createDatabase({ databaseUrl: urlAs(names.owner) });
  }, 120_000);

  afterAll(async () => {
    await server?.close(1_000).catch(() => {});
    await runtime?.close().catch(() => {});
    await owner?.close().catch(() => {});
    await asSuperuser(`drop database if exists "${names.database}" with (force)`);
    await asSuperuser(`drop role if exists "${names.runtime}"`);
    await asSuperuser(`drop role if exists "${names.owner}"`);
  });

  it("the runtime role owns nothing and cannot change, empty or unguard the audit log", async () => {
    const db = runtime.db;
    const [{ role, superuser }] = (
      await sql<{ role: string; superuser: boolean }>`
        select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user`.execute(
        db,
      )
    ).rows as [{ role: string; superuser: boolean }];
    expect({ role, superuser }).toEqual({ role: names.runtime, superuser: false });
    const owned = await sql<{ n: number }>`
      select count(*)::int as n from pg_class where relowner = (select oid from pg_roles where rolname = current_user)`.execute(
      db,
    );
    expect(owned.rows[0]!.n).toBe(0);
    const refused: Array<[string, RegExp]> = [
      ["update audit_log set entity_key = 'forged'", /permission denied/],
      ["delete from audit_log", /permission denied/],
      ["truncate audit_log", /permission denied/],
      ["update audit_chain_head set seq = 0", /permission denied/],
      ["alter table audit_log disable trigger audit_log_append_only", /must be owner/],
      ["alter table audit_log disable trigger all", /must be owner/],
      ["drop trigger audit_log_chain on audit_log", /must be owner/],
      ["set session_replication_role = replica", /permission denied/],
      ["create table sneaky (id int)", /permission denied/],
    ];
    for (const [statement, reason] of refused)
      await expect(sql.raw(statement).execute(db), statement).rejects.toThrow(reason);
    // Nothing was changed: every audit row still verifies.
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("audited writes work as the runtime role, through a service and over HTTP", async () => {
    const db = runtime.db;
    const before = await db
      .selectFrom("audit_log")
      .select(db.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const row = await db
      .selectFrom("user")
      .innerJoin("user_role", "user_role.user_id", "user.id")
      .select(["user.id", "user.email", "user.name", "user_role.role", "user_role.ods_code"])
      .where("user.email", "=", "editor.rgt@demo.realise")
      .executeTakeFirstOrThrow();
    const principal = {
      userId: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      odsCode: row.ods_code,
    } as Principal;
    const auth = createAuth(runtime, { baseURL: TEST_ORIGIN, secret: TEST_SECRET });
    const caller = createCaller({ database: runtime, auth, principal });
    const version = async (code: string) =>
      (
        await db
          .selectFrom("adoption_record")
          .select("version")
          .where("ods_code", "=", "RGT")
          .where("functionality_code", "=", code)
          .executeTakeFirst()
      )?.version ?? 0;
    await caller.adoption.update({
      odsCode: "RGT",
      functionalityCode: "F04",
      expectedVersion: await version("F04"),
      values: { ...blankAdoption, coveragePct: 30, notes: "as the runtime role" },
    });

    const { cookie, status } = await signIn(server!.url, "editor.rgt@demo.realise");
    expect(status).toBe(200);
    const answer = await trpc(
      server!.url,
      "adoption.update",
      {
        odsCode: "RGT",
        functionalityCode: "F05",
        expectedVersion: await version("F05"),
        values: { ...blankAdoption, coveragePct: 40, notes: "over HTTP as the runtime role" },
      },
      { cookie },
    );
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    const after = await db
      .selectFrom("audit_log")
      .select(db.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBeGreaterThanOrEqual(Number(before.n) + 2);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("a row changed behind the server's back by the owner is named by pnpm audit:verify", async () => {
    const target = await owner.db
      .selectFrom("audit_log")
      .select("id")
      .orderBy("chain_seq", "desc")
      .limit(1)
      .offset(1)
      .executeTakeFirstOrThrow();
    await owner.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
      await sql`update audit_log set actor_email = 'someone.else@demo.realise' where id = ${target.id}`.execute(
        trx,
      );
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
    });
    // The verifier runs as the runtime role, as `pnpm audit:verify` with the server's DATABASE_URL does.
    const failed = await run(process.execPath, [CLI], {
      env: { ...process.env, DATABASE_URL: urlAs(names.runtime) },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`audit_log row ${target.id}`);
  });
});
