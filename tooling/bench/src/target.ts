import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAccount } from "@realise/api";
import { startRealise } from "@realise/api/server";
import { updateAdoption } from "@realise/api/services";
import {
  adoptionRecords,
  createDatabase,
  currentFramework,
  type DB,
  migrateToLatest,
  toAssessable,
} from "@realise/db";
import { assessTrust, isAppError, periodOf, type TrustType } from "@realise/domain";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import { type GenerateResult, generateNationalData } from "./generate/index.js";
import { type ScenarioContext, scenarioByName } from "./scenarios.js";
import { keyForWrite, keyOf, type RecordKey, updateValues, versionFromConflict } from "./updates.js";

export interface TargetOptions {
  databaseUrl?: string | undefined;
  organisations: number;
  periods: number;
  seed: string;
  editors?: number;
}

export interface Account {
  email: string;
  password: string;
  odsCode: string | null;
}

export interface TargetInfo {
  engine: "postgres" | "pglite";
  appUrl: string;
  bareUrl: string;
  generated: GenerateResult;
  context: ScenarioContext;
  analyst: Account;
  editors: Account[];
  /** Records of the editors' trusts the update phases write, interleaved across trusts. */
  keys: RecordKey[];
  /** This run's throw-away session secret, so a second instance on the same database accepts the sessions. */
  authSecret: string;
}

export interface LoadSpec {
  requests?: number | undefined;
  durationS?: number | undefined;
  concurrency: number;
}

export interface WriteRun {
  latencies: number[];
  successes: Record<string, number>;
  conflicts: number;
  errors: number;
  elapsedMs: number;
}

export interface WriteCheck {
  versions: Record<string, number>;
  /** Audit rows of the editors' trusts' records, in the same snapshot as the versions. */
  auditRows: number;
  /** Trusts whose stored tier or heatmap levels differ from what their records give now: stale aggregates. */
  staleTiers: string[];
}

/** The server side of the bench: the data, the Realise server, the bare floor, and direct calls. */
export interface Target {
  info(): Promise<TargetInfo>;
  bareSql(scenario: string, load: LoadSpec): Promise<number[]>;
  bareUpdates(load: LoadSpec): Promise<WriteRun>;
  check(): Promise<WriteCheck>;
  /**
   * A second Realise server in this process on the same open database, with fair use on (and sign-in
   * throttling off): the fair-use phase's instance where no second process can open the database
   * (PGlite). Its URL; it stops with close().
   */
  startFairUseInstance(): Promise<string>;
  close(): Promise<void>;
}

export const PASSWORD = "bench-password-1";

/** Run `work` with `concurrency` workers until `requests` calls are done or `durationS` has passed. */
export async function drive(load: LoadSpec, work: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  const deadline = started + (load.durationS ?? 10) * 1000;
  let next = 0;
  const more = () => (load.requests !== undefined ? next < load.requests : performance.now() < deadline);
  await Promise.all(
    Array.from({ length: load.concurrency }, async () => {
      while (more()) await work(next++);
    }),
  );
  return performance.now() - started;
}

export async function startTarget(
  options: TargetOptions,
  log: (line: string) => void = () => {},
): Promise<Target> {
  const dataDir = options.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), "realise-bench-"));
  const database = await createDatabase({ databaseUrl: options.databaseUrl, dataDir });
  await migrateToLatest(database.db);
  let lastLog = 0;
  const generated = await generateNationalData(database.db, {
    organisations: options.organisations,
    periods: options.periods,
    seed: options.seed,
    onProgress: (p) => {
      const now = Date.now();
      if (now - lastLog > 5_000 || p.done === p.total) {
        lastLog = now;
        log(`  generate ${p.phase}: ${p.done}/${p.total}`);
      }
    },
  });
  log(
    `  generated ${generated.organisations} trusts, ${generated.periods.length} quarters in ${(generated.millis / 1000).toFixed(1)} s: ` +
      Object.entries(generated.rows)
        .map(([t, n]) => `${t} ${n}`)
        .join(", "),
  );

  const authSecret = randomBytes(32).toString("hex");
  const running = await startRealise({
    database,
    port: 0,
    host: "127.0.0.1",
    demo: false,
    authSecret,
    log: () => {},
  });
  const appUrl = running.url.replace("localhost", "127.0.0.1");

  // The floor: the same query functions on a bare pool (PGlite has one connection, so it shares it).
  const barePool = options.databaseUrl
    ? new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
    : undefined;
  const bareDb: Kysely<DB> = barePool
    ? new Kysely<DB>({ dialect: new PostgresDialect({ pool: barePool }) })
    : database.db;

  // Editors for trusts whose records are not locked by a return, spread across the list.
  const period = periodOf(new Date(), "quarter");
  const unlocked = await database.db
    .selectFrom("organisation as o")
    .select(["o.ods_code", "o.region", "o.trust_type"])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("trust_return as r")
            .select("r.ods_code")
            .whereRef("r.ods_code", "=", "o.ods_code")
            .where((eb) =>
              eb.or([
                eb("r.status", "=", "submitted"),
                eb.and([eb("r.period", "=", period), eb("r.status", "=", "accepted")]),
              ]),
            ),
        ),
      ),
    )
    .where("o.trust_type", "!=", "ambulance")
    .orderBy("o.ods_code")
    .execute();
  const wantedEditors = Math.min(options.editors ?? 16, unlocked.length);
  const step = Math.max(1, Math.floor(unlocked.length / wantedEditors));
  const editorTrusts = Array.from({ length: wantedEditors }, (_, i) => unlocked[i * step]!).filter(Boolean);
  if (editorTrusts.length === 0) throw new Error("No unlocked trust to edit; generate more organisations");

  const analyst: Account = { email: "analyst@bench.realise", password: PASSWORD, odsCode: null };
  await createAccount(database, running.auth, {
    email: analyst.email,
    name: "Bench analyst",
    role: "national_analyst",
    odsCode: null,
    password: PASSWORD,
  });
  const editors: (Account & { userId: string })[] = [];
  const passwordHash = await (await running.auth.$context).password.hash(PASSWORD);
  for (const t of editorTrusts) {
    const email = `editor.${t.ods_code.toLowerCase()}@bench.realise`;
    const userId = await createAccount(database, running.auth, {
      email,
      name: `Bench editor ${t.ods_code}`,
      role: "trust_editor",
      odsCode: t.ods_code,
      password: PASSWORD,
      passwordHash,
    });
    editors.push({ email, password: PASSWORD, odsCode: t.ods_code, userId });
  }

  const perTrust = await Promise.all(
    editorTrusts.map((t) =>
      database.db
        .selectFrom("adoption_record")
        .select(["ods_code as odsCode", "functionality_code as functionalityCode"])
        .where("ods_code", "=", t.ods_code)
        .orderBy("functionality_code")
        .execute(),
    ),
  );
  const keys: RecordKey[] = [];
  for (let j = 0; perTrust.some((rows) => j < rows.length); j++) {
    for (const rows of perTrust) if (rows[j]) keys.push(rows[j]!);
  }

  const regions = await database.db
    .selectFrom("organisation")
    .select(["region", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy("region")
    .orderBy("n", "desc")
    .execute();
  const today = new Date().toISOString().slice(0, 10);
  // Membership as at today, as the national views read it (dated organisation_icb rows).
  const icbs = await database.db
    .selectFrom("organisation_icb")
    .select(["icb_code", (eb) => eb.fn.countAll<string>().as("n")])
    .where("valid_from", "<=", today)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", today)]))
    .groupBy("icb_code")
    .orderBy("n", "desc")
    .orderBy("icb_code")
    .limit(1)
    .executeTakeFirst();
  if (!icbs) throw new Error("No trust belongs to an ICB today; the ICB view has nothing to show");
  // Periods sort as text ("2024/25 Q4" < "2025/26 Q1"), so the greatest published one is the newest.
  const snapshot = await database.db
    .selectFrom("snapshot")
    .select("period")
    .where("status", "=", "published")
    .orderBy("period", "desc")
    .limit(1)
    .executeTakeFirst();
  const context: ScenarioContext = {
    dashboardOds: editorTrusts[0]!.ods_code,
    region: regions[0]?.region ?? editorTrusts[0]!.region,
    icbCode: icbs.icb_code,
    snapshotPeriod: snapshot?.period ?? null,
  };

  const bareServer = http.createServer(async (req, res) => {
    const name = decodeURIComponent((req.url ?? "/").slice(1).split("?")[0] ?? "");
    const scenario = scenarioByName.get(name);
    if (!scenario) {
      res.statusCode = 404;
      return void res.end();
    }
    try {
      const answer = await scenario.bare(bareDb, context);
      // A text answer (the open-data CSV) goes out as it is, as the route sends it; anything else as JSON.
      if (typeof answer === "string") {
        res.setHeader("content-type", "text/csv; charset=utf-8");
        return void res.end(answer);
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(answer));
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => bareServer.listen(0, "127.0.0.1", resolve));
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;

  const info: TargetInfo = {
    engine: database.engine,
    appUrl,
    bareUrl,
    generated,
    context,
    analyst,
    editors: editors.map(({ userId: _, ...a }) => a),
    keys,
    authSecret,
  };
  const editorOf = new Map(editors.map((e) => [e.odsCode, e]));
  let fairUseInstance: Awaited<ReturnType<typeof startRealise>> | undefined;

  return {
    info: async () => info,

    async bareSql(name, load) {
      const scenario = scenarioByName.get(name);
      if (!scenario) throw new Error(`No scenario ${name}`);
      const latencies: number[] = [];
      await drive(load, async () => {
        const t = performance.now();
        await scenario.bare(bareDb, context);
        latencies.push(performance.now() - t);
      });
      return latencies;
    },

    async bareUpdates(load) {
      const versions = await currentVersions(bareDb, keys);
      const run: WriteRun = { latencies: [], successes: {}, conflicts: 0, errors: 0, elapsedMs: 0 };
      run.elapsedMs = await drive(load, async (i) => {
        const key = keyForWrite(keys, i);
        const k = keyOf(key);
        const editor = editorOf.get(key.odsCode)!;
        const t = performance.now();
        try {
          const result = await updateAdoption(
            bareDb,
            {
              odsCode: key.odsCode,
              functionalityCode: key.functionalityCode,
              values: updateValues(i),
              expectedVersion: versions.get(k) ?? 0,
            },
            {
              userId: editor.userId,
              email: editor.email,
              name: `Bench editor ${key.odsCode}`,
              role: "trust_editor",
              odsCode: key.odsCode,
            },
          );
          run.latencies.push(performance.now() - t);
          run.successes[k] = (run.successes[k] ?? 0) + 1;
          versions.set(k, Math.max(versions.get(k) ?? 0, result.record.version));
        } catch (error) {
          if (isAppError(error) && error.code === "CONFLICT") {
            run.conflicts += 1;
            const v = versionFromConflict(error.message);
            if (v !== undefined) versions.set(k, Math.max(versions.get(k) ?? 0, v));
          } else {
            run.errors += 1;
            if (run.errors <= 3) log(`  bare update failed: ${String(error)}`);
          }
        }
      });
      return run;
    },

    async check() {
      // One repeatable-read snapshot, so a write committing meanwhile counts in both figures or neither.
      return database.db
        .transaction()
        .setIsolationLevel("repeatable read")
        .execute(async (trx) => {
          const versions = Object.fromEntries(await currentVersions(trx, keys));
          const audit = await trx
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll<string>().as("rows"))
            .where("entity", "=", "adoption_record")
            .where(
              "ods_code",
              "in",
              editorTrusts.map((t) => t.ods_code),
            )
            .executeTakeFirstOrThrow();
          const framework = await currentFramework(trx);
          const staleTiers: string[] = [];
          for (const t of editorTrusts) {
            const records = await adoptionRecords(trx, t.ods_code);
            const assessment = assessTrust(
              framework,
              { odsCode: t.ods_code, trustType: t.trust_type as TrustType },
              toAssessable(records),
            );
            const stored = await trx
              .selectFrom("organisation_tier")
              .select(["attained_tier", "progress_to_next"])
              .where("ods_code", "=", t.ods_code)
              .executeTakeFirst();
            if (
              !stored ||
              stored.attained_tier !== assessment.attainedTier ||
              Math.abs(stored.progress_to_next - assessment.progressToNext) > 1e-9
            )
              staleTiers.push(t.ods_code);
          }
          // The heatmap's per-trust levels (maintained by triggers, migration 0007) must equal the records.
          const levels = await sql<{ ods_code: string }>`
            select coalesce(l.ods_code, a.ods_code) as ods_code
            from organisation_levels l
            full join (select ods_code, jsonb_object_agg(functionality_code, level) as levels
                       from adoption_record group by ods_code) a on a.ods_code = l.ods_code
            where coalesce(l.levels, '{}'::jsonb) is distinct from coalesce(a.levels, '{}'::jsonb)`.execute(
            trx,
          );
          staleTiers.push(...levels.rows.map((r) => `${r.ods_code} (levels)`));
          return { versions, auditRows: Number(audit.rows), staleTiers };
        });
    },

    async startFairUseInstance() {
      fairUseInstance ??= await startRealise({
        database,
        port: 0,
        host: "127.0.0.1",
        demo: false,
        authSecret,
        rateLimit: false,
        fairUse: true,
        log: () => {},
      });
      return fairUseInstance.url.replace("localhost", "127.0.0.1");
    },

    async close() {
      await fairUseInstance?.close();
      await new Promise<void>((resolve) => bareServer.close(() => resolve()));
      bareServer.closeAllConnections();
      await running.close();
      if (barePool) await bareDb.destroy();
      await database.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function currentVersions(
  db: Kysely<DB> | Transaction<DB>,
  keys: RecordKey[],
): Promise<Map<string, number>> {
  const codes = [...new Set(keys.map((k) => k.odsCode))];
  const rows = await db
    .selectFrom("adoption_record")
    .select(["ods_code", "functionality_code", "version"])
    .where("ods_code", "in", codes)
    .execute();
  return new Map(rows.map((r) => [`${r.ods_code}/${r.functionality_code}`, r.version]));
}
