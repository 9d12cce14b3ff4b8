import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database } from "@realise/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { prepare } from "../support/template.js";
import { request, signIn, startServer, trpc } from "./http.js";

/**
 * PostgreSQL stopped and started under a write load. The test runs its own throw-away cluster (Debian's
 * binaries), so stopping it disturbs nobody; it runs when TEST_DATABASE_URL is set, as in CI.
 */
const BIN = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"].find(
  (d) => existsSync(join(d, "initdb")),
);
const enabled = Boolean(process.env.TEST_DATABASE_URL && BIN);
if (!enabled) {
  console.info(
    "[safety] restart test skipped: it needs TEST_DATABASE_URL (real PostgreSQL runs) and PostgreSQL's initdb/pg_ctl",
  );
}

const asRoot = process.getuid?.() === 0;
/** initdb refuses root: run the cluster as the postgres user then. */
function pg(tool: string, args: string[]) {
  const bin = join(BIN!, tool);
  return asRoot
    ? execFileSync("runuser", ["-u", "postgres", "--", bin, ...args], { stdio: "pipe" })
    : execFileSync(bin, args, { stdio: "pipe" });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(enabled)("PostgreSQL restart under write load", () => {
  let dir: string;
  let data: string;
  let port: number;
  let database: Database;
  let server: Running;
  const start = () =>
    pg("pg_ctl", [
      "-D",
      data,
      "-l",
      join(dir, "log"),
      "-w",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      "start",
    ]);
  // Immediate: the server dies as in a crash; committed work must survive through the WAL.
  const stop = () => pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "realise-pg-"));
    if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), 0);
    data = join(dir, "data");
    port = await freePort();
    pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
    start();
    database = await createDatabase({
      databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
      poolSize: 10,
    });
    await prepare(database);
    server = await startServer(database);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await database?.close();
    try {
      stop();
    } catch {}
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every acknowledged write, answers 503 on /readyz while down, and recovers without a restart", async () => {
    const { cookie } = await signIn(server.url, "editor.rgt@demo.realise");
    const codes = ["F01", "F02", "F03", "F05"];
    const acked: Array<{ code: string; token: string; version: number }> = [];
    const statuses = new Map<number, number>();
    let stopping = false;
    let attempts = 0;

    const currentVersion = async (code: string): Promise<number> => {
      for (;;) {
        try {
          const row = await database.db
            .selectFrom("adoption_record")
            .select("version")
            .where("ods_code", "=", "RGT")
            .where("functionality_code", "=", code)
            .executeTakeFirst();
          return row?.version ?? 0;
        } catch {
          await sleep(100);
        }
      }
    };
    const writer = async (code: string) => {
      let expected = await currentVersion(code);
      for (let n = 0; !stopping; n++) {
        const token = `${code}-${n}`;
        attempts++;
        const r = await trpc(
          server.url,
          "adoption.update",
          {
            odsCode: "RGT",
            functionalityCode: code,
            expectedVersion: expected,
            values: {
              coveragePct: n % 101,
              usageNumerator: null,
              usageDenominator: null,
              measurementWindowStart: null,
              measurementWindowEnd: null,
              paperRetired: false,
              plannedGoLive: null,
              claimedLevel: null,
              claimReason: null,
              evidence: [],
              notes: token,
            },
          },
          { cookie },
        ).catch(() => ({ status: 0, data: null }));
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 200) {
          expected = (r.data as { record: { version: number } }).record.version;
          acked.push({ code, token, version: expected });
        } else if (r.status === 503) {
          // The database is away: try the same write again shortly (a conflict then tells us it had landed).
          await sleep(50);
        } else {
          expected = await currentVersion(code);
        }
      }
    };

    const load = Promise.all(codes.map(writer));
    await sleep(1_500);
    const beforeStop = acked.length;
    stop();
    let sawDown = false;
    for (let i = 0; i < 100 && !sawDown; i++) {
      sawDown = (await request(server.url, "/readyz")).status === 503;
      if (!sawDown) await sleep(50);
    }
    await sleep(1_500);
    const whileDown = (await request(server.url, "/readyz")).status;
    // Signing in needs the database too, and answers 503 (not 500) while it is away.
    const signInWhileDown = (await signIn(server.url, "viewer.rgt@demo.realise")).status;
    start();
    let ready = false;
    for (let i = 0; i < 200 && !ready; i++) {
      ready = (await request(server.url, "/readyz")).status === 200;
      if (!ready) await sleep(100);
    }
    const atRestart = acked.length;
    await sleep(1_500);
    stopping = true;
    await load;

    expect(sawDown).toBe(true);
    expect(whileDown).toBe(503);
    expect(signInWhileDown).toBe(503);
    expect(ready).toBe(true);
    expect(beforeStop).toBeGreaterThan(0);
    // Writes land again after the restart, through the same server process.
    expect(acked.length).toBeGreaterThan(atRestart);
    // Failures while down were 503 (or a conflict after an unknown outcome), never a 500.
    expect([...statuses.keys()].filter((s) => ![200, 409, 503].includes(s))).toEqual([]);

    const found = await sql<{ token: string }>`
      select after->>'notes' as token from audit_log
      where entity = 'adoption_record' and ods_code = 'RGT' and after->>'notes' like 'F0%-%'`.execute(
      database.db,
    );
    const tokens = new Set(found.rows.map((r) => r.token));
    const missing = acked.filter((a) => !tokens.has(a.token));
    expect(missing).toEqual([]);
    for (const code of codes) {
      const last = acked.filter((a) => a.code === code).at(-1);
      const row = await database.db
        .selectFrom("adoption_record")
        .select(["version", "notes"])
        .where("ods_code", "=", "RGT")
        .where("functionality_code", "=", code)
        .executeTakeFirstOrThrow();
      if (last) expect(row.version).toBeGreaterThanOrEqual(last.version);
    }
    console.info(
      `[safety] restart: ${attempts} write attempts, ${acked.length} acknowledged, ${acked.length - missing.length} found after the restart; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
  }, 120_000);
});
