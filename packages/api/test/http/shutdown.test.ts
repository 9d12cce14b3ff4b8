import { createDatabase, type Database } from "@realise/db";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { request, signIn, trpc } from "../safety/http.js";
import { type Child, childDatabase, spawnRealise } from "./child.js";
import { blankAdoption } from "../support/inputs.js";

/**
 * SIGTERM while audited writes are in flight: the server stops accepting, lets the writes it has finish,
 * closes the pool and exits 0; every write it acknowledged is in the database afterwards. PostgreSQL when
 * TEST_DATABASE_URL is set, otherwise PGlite with a data folder (both reopened after the process ended).
 */
const engine = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
const CODES = ["F01", "F02", "F03", "F05", "F06", "F07"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const update = (code: string, expectedVersion: number, token: string, n: number) => ({
  odsCode: "RGT",
  functionalityCode: code,
  expectedVersion,
  values: { ...blankAdoption, coveragePct: n % 101, notes: token },
});

describe(`graceful shutdown on ${engine}`, () => {
  let child: Child | undefined;
  let reopened: Database | undefined;
  let drop: () => Promise<void> = async () => {};
  afterAll(async () => {
    if (child && child.process.exitCode === null) child.process.kill("SIGKILL");
    await reopened?.close();
    await drop();
  });

  it("finishes the writes in flight at SIGTERM, exits 0, and every acknowledged write is stored", async () => {
    const database = await childDatabase(engine);
    drop = database.drop;
    child = await spawnRealise(database.env);
    const { url } = child;
    const { cookie, status } = await signIn(url, "editor.rgt@demo.realise");
    expect(status).toBe(200);
    const versions = new Map<string, number>();
    for (const code of CODES) {
      const read = await trpc(url, "adoption.forOrganisation", { odsCode: "RGT" }, { cookie, method: "GET" });
      const records = (read.data as { records: Array<{ functionalityCode: string; version: number }> })
        .records;
      versions.set(code, records.find((r) => r.functionalityCode === code)?.version ?? 0);
    }

    const acked: string[] = [];
    const outcomes = new Map<string, number>();
    /** Each writer's write on the wire, and when it was sent. */
    const outstanding = new Map<Promise<number>, number>();
    let signalled = false;
    const writer = async (code: string) => {
      for (let n = 0; !signalled; n++) {
        const token = `shutdown-${code}-${n}`;
        const pending = trpc(url, "adoption.update", update(code, versions.get(code)!, token, n), { cookie })
          .then((r) => {
            if (r.status === 200)
              versions.set(code, (r.data as { record: { version: number } }).record.version);
            return r.status;
          })
          .catch(() => 0);
        outstanding.set(pending, performance.now());
        const s = await pending;
        outstanding.delete(pending);
        outcomes.set(String(s), (outcomes.get(String(s)) ?? 0) + 1);
        if (s === 200) acked.push(token);
      }
    };
    const load = Promise.all(CODES.map(writer));
    await sleep(1_500);
    // In flight: sent at least 100 ms before the signal, so the server has it (one sent a moment before
    // may still be connecting, and a refused connection is an answer the client sees, not a lost write).
    const inFlight = () =>
      [...outstanding].filter(([, sent]) => performance.now() - sent > 100).map(([p]) => p);
    while (inFlight().length === 0) await sleep(5);
    const atSignal = inFlight();
    signalled = true;
    child.process.kill("SIGTERM");
    const [exit, endedAtSignal] = await Promise.all([child.exited, Promise.all(atSignal), load]);
    // After the signal a new connection is refused.
    expect(await request(url, "/healthz").catch(() => "refused")).toBe("refused");

    expect(exit).toBe(0);
    expect(atSignal.length).toBeGreaterThan(0);
    // Writes in flight at the signal were allowed to finish: acknowledged, not dropped.
    expect(
      endedAtSignal,
      `${JSON.stringify(Object.fromEntries(outcomes))}\n${child.output().slice(-3000)}`,
    ).toEqual(atSignal.map(() => 200));
    expect(acked.length).toBeGreaterThan(CODES.length);

    reopened =
      engine === "postgres"
        ? await createDatabase({ databaseUrl: database.env.DATABASE_URL })
        : await createDatabase({ dataDir: database.env.REALISE_DATA_DIR });
    const stored = await sql<{ token: string }>`
      select after->>'notes' as token from audit_log
      where entity = 'adoption_record' and ods_code = 'RGT' and after->>'notes' like 'shutdown-%'`.execute(
      reopened.db,
    );
    const tokens = new Set(stored.rows.map((r) => r.token));
    expect(acked.filter((t) => !tokens.has(t))).toEqual([]);
    for (const code of CODES) {
      const row = await reopened.db
        .selectFrom("adoption_record")
        .select("version")
        .where("ods_code", "=", "RGT")
        .where("functionality_code", "=", code)
        .executeTakeFirstOrThrow();
      expect(row.version).toBe(versions.get(code));
    }
    console.info(
      `[edge shutdown] ${engine}: ${acked.length} writes acknowledged, all found after restart; ${atSignal.length} in flight at SIGTERM, ended ${JSON.stringify(endedAtSignal)}; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
  }, 180_000);
});
