import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createScratchDatabase } from "@realise/db/testing";
import { bundleSizes } from "./bundles.js";
import { type ColdStart, measureColdStart } from "./cold-start.js";
import type { BenchConfig } from "./config.js";
import { type FairUseResult, measureFairUse } from "./fair-use.js";
import { getText, signIn, trpcBody, wireBytes } from "./http.js";
import { type LoadResult, runLoad } from "./load.js";
import { measureNationalReport, type NationalReportTiming } from "./national-report.js";
import { type Pgbench, pgbenchUnavailable, preparePgbench } from "./pgbench.js";
import { startRemoteTarget } from "./remote.js";
import { type Instance, measureScaleOut, type ScaleOutResult, startSecondInstance } from "./scale-out.js";
import { requestPath, type Scenario, scenarioPath, scenarioTarget, scenarios } from "./scenarios.js";
import { round, summarise } from "./stats.js";
import { startTarget, type Target, type TargetInfo, type WriteCheck } from "./target.js";
import { freshnessSamples } from "./freshness.js";
import { keyForWrite, keyOf, updateValues, versionFromConflict } from "./updates.js";

export interface ScenarioResult {
  name: string;
  /** The tRPC procedure, or the plain route ("GET /api/v1/…") of a scenario outside tRPC. */
  procedure: string;
  /** The path each request asked for, input included. */
  path: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  bareSqlP50Ms: number;
  bareSqlP95Ms: number;
  bareHttpP50Ms: number;
  bareHttpP95Ms: number;
  /** tRPC p95 over the bare HTTP floor's p95. */
  ratio: number;
  /** One answer's JSON, uncompressed. */
  responseBytes: number;
  /** The same answer's body on the wire when the client accepts `gzip, br` (compressed by the server). */
  wireBytes: number;
}

export interface UpdateResult {
  concurrency: number;
  updates: number;
  updatesPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  conflicts: number;
  errors: number;
  bareUpdatesPerSecond: number;
  bareP95Ms: number;
  /** Successful writes whose effect is missing (version not advanced): must be 0. */
  lostUpdates: number;
  /** Successful writes with no audit row: must be 0. */
  missingAuditRows: number;
  /** Trusts whose maintained tier row disagrees with their records after the run: must be 0. */
  staleAggregates: number;
  /**
   * PostgreSQL's own `pgbench -N` (simple update) on the same server, same clients, same length: the
   * database's write floor. Null on PGlite or when pgbench could not run (see pgbenchSkipped).
   */
  pgbenchTps: number | null;
  /** updatesPerSecond / pgbenchTps. */
  pgbenchRatio: number | null;
}

export interface BenchResult {
  engine: "postgres" | "pglite";
  organisations: number;
  periods: number;
  generatedRows: Record<string, number>;
  generateSeconds: number;
  connections: number;
  loadPerPhase: string;
  scenarios: ScenarioResult[];
  skippedScenarios: { name: string; reason: string }[];
  updates: UpdateResult[];
  freshnessMs: number | null;
  /** Reads after the write until the view showed it: 1 means the very next request. */
  freshnessReads: number | null;
  coldStartMs: number | null;
  coldStartProbe: string | null;
  /** The national quarterly report PDF at this scale (issue 16 target: ≤ 10 s). */
  nationalReport: NationalReportTiming | null;
  /** Why the updates have no pgbenchTps (PGlite, no pgbench binary, pgbench failed); null when measured. */
  pgbenchSkipped: string | null;
  /** Read throughput on one Realise instance against two on the same database, and freshness across them. */
  scaleOut: ScaleOutResult | null;
  /** Why scaleOut is null. */
  scaleOutSkipped: string | null;
  /** The trust dashboard alone and beside a noisy client, on an instance with fair use on. */
  fairUse: FairUseResult | null;
  /** Why fairUse is null. */
  fairUseSkipped: string | null;
  bundleGzipBytes: { web: number | null; admin: number | null };
  commit: string;
  dirty: boolean;
  startedAt: string;
  machine: { cpus: number; loadAverage: number[]; node: string };
  resultFile?: string;
}

function gitCommit(repoRoot: string): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
    const status = execFileSync("git", ["status", "--porcelain"], { cwd: repoRoot, encoding: "utf8" });
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return { commit: "unknown", dirty: true };
  }
}

interface Sessions {
  analyst: string;
  editors: Map<string, string>;
}

const cookieFor = (s: Scenario, sessions: Sessions, info: TargetInfo) =>
  s.caller === "analyst"
    ? sessions.analyst
    : s.caller === "editor"
      ? sessions.editors.get(info.context.dashboardOds)
      : undefined;

async function measureScenario(
  s: Scenario,
  target: Target,
  info: TargetInfo,
  sessions: Sessions,
  config: BenchConfig,
): Promise<ScenarioResult> {
  const cookie = cookieFor(s, sessions, info);
  const load = { connections: config.connections, requests: config.requests, durationS: config.durationS };
  const warm = { connections: config.connections, requests: 20 };
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const path = requestPath(s, info.context);
  const trpcRequest = { method: "GET", path, headers };
  const bareRequest = { method: "GET", path: `/${encodeURIComponent(s.name)}` };
  await runLoad({ url: info.appUrl, ...warm, request: trpcRequest });
  const trpc = await runLoad({ url: info.appUrl, ...load, request: trpcRequest });
  await runLoad({ url: info.bareUrl, ...warm, request: bareRequest });
  const bareHttp = await runLoad({ url: info.bareUrl, ...load, request: bareRequest });
  const bareSql = await target.bareSql(s.name, {
    concurrency: config.connections,
    requests: config.requests,
    durationS: config.durationS,
  });
  for (const [label, r] of [
    ["tRPC", trpc],
    ["bare HTTP", bareHttp],
  ] as const) {
    const bad = Object.entries(r.statuses).filter(([status]) => status !== "200");
    if (bad.length || r.errors)
      throw new Error(
        `${s.name} (${label}): non-200 answers ${JSON.stringify(r.statuses)}, errors ${r.errors}`,
      );
  }
  const t = summarise(trpc.latencies);
  const floor = summarise(bareHttp.latencies);
  const direct = summarise(bareSql);
  const sample = await getText(info.appUrl, path, cookie);
  const wire = await wireBytes(info.appUrl, trpcRequest.path, cookie);
  if (wire.status !== 200) throw new Error(`${s.name} (wire bytes): answered ${wire.status}`);
  return {
    name: s.name,
    procedure: scenarioTarget(s),
    path,
    requests: t.count,
    p50Ms: t.p50Ms,
    p95Ms: t.p95Ms,
    p99Ms: t.p99Ms,
    bareSqlP50Ms: direct.p50Ms,
    bareSqlP95Ms: direct.p95Ms,
    bareHttpP50Ms: floor.p50Ms,
    bareHttpP95Ms: floor.p95Ms,
    ratio: round(t.p95Ms / floor.p95Ms),
    responseBytes: Buffer.byteLength(sample.text),
    wireBytes: wire.bytes,
  };
}

/**
 * Lost updates, per record: a write the client saw succeed must have moved that record's version on.
 * (Writes still in flight when a timed phase stops move versions on without a seen answer, so the check
 * is "at least", per record, never a net total that could hide a loss behind them.) Every committed
 * write, seen or not, must have exactly one audit row.
 */
function writeCheck(successes: Record<string, number>, before: WriteCheck, after: WriteCheck) {
  let lost = 0;
  let advanced = 0;
  for (const [k, v] of Object.entries(after.versions)) {
    const moved = v - (before.versions[k] ?? 0);
    advanced += moved;
    lost += Math.max(0, (successes[k] ?? 0) - moved);
  }
  return { lost, unaudited: Math.abs(advanced - (after.auditRows - before.auditRows)) };
}

async function measureUpdates(
  concurrency: number,
  target: Target,
  info: TargetInfo,
  sessions: Sessions,
  config: BenchConfig,
  pgbench: { bench: Pgbench | undefined; failed: (reason: string) => void },
): Promise<UpdateResult> {
  const load = { requests: config.requests, durationS: config.durationS };

  // Through HTTP: autocannon's connections are the concurrent clients; versions are shared bookkeeping.
  const before = await target.check();
  const versions = new Map(Object.entries(before.versions));
  const successes: Record<string, number> = {};
  let conflicts = 0;
  let i = 0;
  const http: LoadResult = await runLoad({
    url: info.appUrl,
    connections: concurrency,
    ...load,
    request: {
      method: "POST",
      path: "/trpc/adoption.update",
      setupRequest: (req, context) => {
        const n = i++;
        const key = keyForWrite(info.keys, n);
        context.key = keyOf(key);
        return {
          ...req,
          headers: {
            "content-type": "application/json",
            origin: info.appUrl,
            cookie: sessions.editors.get(key.odsCode) ?? "",
          },
          body: trpcBody({
            odsCode: key.odsCode,
            functionalityCode: key.functionalityCode,
            expectedVersion: versions.get(keyOf(key)) ?? 0,
            values: updateValues(n),
          }),
        };
      },
      onResponse: (status, body, context) => {
        const k = String(context.key);
        if (status === 200) {
          successes[k] = (successes[k] ?? 0) + 1;
          const v = (JSON.parse(body) as { result: { data: { json: { record: { version: number } } } } })
            .result.data.json.record.version;
          versions.set(k, Math.max(versions.get(k) ?? 0, v));
        } else if (status === 409) {
          conflicts += 1;
          const v = versionFromConflict(body);
          if (v !== undefined) versions.set(k, Math.max(versions.get(k) ?? 0, v));
        }
      },
    },
  });
  const after = await target.check();
  const ok = http.statuses[200] ?? 0;
  const errors = Object.entries(http.statuses)
    .filter(([status]) => status !== "200" && status !== "409")
    .reduce((sum, [, n]) => sum + n, http.errors);
  const httpCheck = writeCheck(successes, before, after);

  const bare = await target.bareUpdates({ concurrency, ...load });
  const bareOk = Object.values(bare.successes).reduce((a, b) => a + b, 0);
  const bareCheck = await target.check();
  const bareWrites = writeCheck(bare.successes, after, bareCheck);

  // The database's own floor at the same client count and length, on the same server, right after.
  let pgbenchTps: number | null = null;
  if (pgbench.bench) {
    try {
      pgbenchTps = round(await pgbench.bench.run({ clients: concurrency, ...load }));
    } catch (error) {
      pgbench.failed(
        `pgbench at ${concurrency} clients: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  const s = summarise(http.latencies);
  const updatesPerSecond = round(ok / (http.elapsedMs / 1000));
  return {
    concurrency,
    updates: ok,
    updatesPerSecond,
    p50Ms: s.p50Ms,
    p95Ms: s.p95Ms,
    conflicts,
    errors,
    bareUpdatesPerSecond: round(bareOk / (bare.elapsedMs / 1000)),
    bareP95Ms: summarise(bare.latencies).p95Ms,
    lostUpdates: httpCheck.lost + bareWrites.lost,
    missingAuditRows: httpCheck.unaudited + bareWrites.unaudited,
    staleAggregates: new Set([...after.staleTiers, ...bareCheck.staleTiers]).size,
    pgbenchTps,
    pgbenchRatio: pgbenchTps ? round(updatesPerSecond / pgbenchTps) : null,
  };
}

/**
 * Freshness: a trust edits one record, and the national view is read straight after. The national
 * figures come from rows maintained in the write's own transaction, so the next read should show it.
 */
async function measureFreshness(
  view: Scenario,
  target: Target,
  info: TargetInfo,
  sessions: Sessions,
): Promise<{ ms: number; reads: number }> {
  const key = info.keys[info.keys.length - 1]!;
  const cookie = sessions.editors.get(key.odsCode)!;
  const viewCookie = cookieFor(view, sessions, info);
  const samples = await freshnessSamples({
    target,
    key,
    cookie,
    writeUrl: info.appUrl,
    read: () => getText(info.appUrl, requestPath(view, info.context), viewCookie),
    // Alternate between an empty record (L0) and a fully used one, so the level surely moves.
    values: (round) =>
      round % 2 === 0
        ? { ...updateValues(0), coveragePct: 100, usageNumerator: 1000, paperRetired: true }
        : { ...updateValues(1), coveragePct: null, usageNumerator: null, usageDenominator: null },
  });
  if (samples.length === 0) throw new Error(`${view.name} never reflected a write within 5 s`);
  samples.sort((a, b) => a.ms - b.ms);
  const median = samples[Math.floor(samples.length / 2)]!;
  return { ms: round(median.ms), reads: Math.max(...samples.map((s) => s.reads)) };
}

/** Run the whole bench once and write its JSON; the caller prints it. */
export async function runBench(config: BenchConfig): Promise<BenchResult> {
  const t0 = performance.now();
  const log = (line: string) =>
    config.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const startedAt = new Date().toISOString();
  const scratch = config.databaseUrl
    ? await createScratchDatabase(config.databaseUrl, { prefix: "realise_bench" })
    : undefined;
  log(
    `Realise bench on ${scratch ? `PostgreSQL (scratch database ${scratch.name})` : "PGlite (embedded; not the production engine)"}: ` +
      `${config.organisations} trusts, ${config.periods} quarters`,
  );
  let target: Target | undefined;
  let pgbench: Pgbench | undefined;
  let second: Instance | undefined;
  try {
    const options = {
      databaseUrl: scratch?.url,
      organisations: config.organisations,
      periods: config.periods,
      seed: config.seed,
    };
    target =
      config.targetMode === "child"
        ? await startRemoteTarget(options)
        : await startTarget(options, config.log);
    const info = await target.info();
    const sessions: Sessions = {
      analyst: await signIn(info.appUrl, info.analyst.email, info.analyst.password),
      editors: new Map(),
    };
    for (const e of info.editors)
      sessions.editors.set(e.odsCode!, await signIn(info.appUrl, e.email, e.password));

    const available: Scenario[] = [];
    const skippedScenarios: BenchResult["skippedScenarios"] = [];
    for (const s of scenarios) {
      const path = scenarioPath(s, info.context);
      if (path === undefined) {
        skippedScenarios.push({
          name: s.name,
          reason: `nothing to ask ${scenarioTarget(s)} for in this data`,
        });
        continue;
      }
      const probe = await getText(info.appUrl, path, cookieFor(s, sessions, info));
      if (probe.status === 200) available.push(s);
      else skippedScenarios.push({ name: s.name, reason: `${scenarioTarget(s)} answered ${probe.status}` });
    }
    for (const s of skippedScenarios) log(`  skipped ${s.name}: ${s.reason}`);

    const results: ScenarioResult[] = [];
    for (const s of available) {
      log(`  reads: ${s.name}`);
      results.push(await measureScenario(s, target, info, sessions, config));
    }
    let pgbenchSkipped = pgbenchUnavailable(scratch?.url) ?? null;
    if (!pgbenchSkipped && config.databaseUrl) {
      try {
        pgbench = await preparePgbench(config.databaseUrl);
        log(`  pgbench: initialised scratch database ${pgbench.database} (scale 1)`);
      } catch (error) {
        pgbenchSkipped = `pgbench -i failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    if (pgbenchSkipped) log(`  no pgbench floor: ${pgbenchSkipped}`);
    const updates: UpdateResult[] = [];
    for (const c of config.updateConcurrency) {
      log(
        `  audited updates: ${c} concurrent client${c === 1 ? "" : "s"}${pgbench ? ", then pgbench -N" : ""}`,
      );
      updates.push(
        await measureUpdates(c, target, info, sessions, config, {
          bench: pgbench,
          failed: (reason) => {
            log(`  ${reason}`);
            pgbenchSkipped = pgbenchSkipped ? `${pgbenchSkipped}; ${reason}` : reason;
          },
        }),
      );
    }
    await pgbench?.drop().catch((e) => log(`  could not drop ${pgbench?.database}: ${String(e)}`));
    pgbench = undefined;
    const freshnessView = ["national.heatmap", "national.overview", "trust.dashboard"]
      .map((n) => available.find((s) => s.name === n))
      .find((s) => s !== undefined);
    log(`  freshness via ${freshnessView?.name ?? "nothing"}`);
    const freshness = freshnessView ? await measureFreshness(freshnessView, target, info, sessions) : null;
    log("  national quarterly report: GET /reports/national.pdf");
    const nationalReport = await measureNationalReport(info.appUrl, sessions.analyst);
    log(
      `  national quarterly report built in ${nationalReport.ms} ms (${(nationalReport.bytes / 1024).toFixed(0)} kB)`,
    );

    // Scale-out: a second server process on the same PostgreSQL database. The load is the trust dashboard
    // and the national overview in turn, not every scenario: they are the first pages a trust user and a
    // national user open, one per-trust and one national read path, and much of their time is the Node
    // process's own work (auth, tRPC, superjson; compare their bare SQL and tRPC columns), which is what
    // a second instance adds. The heavier national views would mostly measure PostgreSQL instead.
    let scaleOut: ScaleOutResult | null = null;
    let scaleOutSkipped: string | null = null;
    const scaleOutReads = ["trust.dashboard", "national.overview"]
      .map((n) => available.find((s) => s.name === n))
      .filter((s): s is Scenario => s !== undefined);
    if (!scratch) scaleOutSkipped = "PGlite: one process owns the embedded database, so no second instance";
    else if (scaleOutReads.length === 0)
      scaleOutSkipped = "neither trust.dashboard nor national.overview answered";
    else {
      try {
        log(`  scale-out: second instance (packages/api/dist/main.js) on ${scratch.name}`);
        second = await startSecondInstance(config.repoRoot, scratch.url, info.authSecret);
        log(
          `  scale-out: ${scaleOutReads.map((s) => s.name).join(" + ")}, ${config.scaleOutConnections} connections, on A alone and on A + B, alternately`,
        );
        scaleOut = await measureScaleOut({
          a: info.appUrl,
          b: second.url,
          reads: scaleOutReads.map((s) => ({ scenario: s, cookie: cookieFor(s, sessions, info) })),
          connections: config.scaleOutConnections,
          requests: config.requests,
          durationS: config.durationS,
          info,
          target,
          editorCookie: (ods) => sessions.editors.get(ods) ?? "",
        });
      } catch (error) {
        scaleOutSkipped = `failed: ${error instanceof Error ? error.message : String(error)}`;
        log(`  scale-out ${scaleOutSkipped}`);
      }
      await second?.close();
      second = undefined;
    }

    // Fair use: a victim's dashboard alone, then beside a client hammering the expensive routes, on an
    // instance that enforces the limits (the load phases above run without them, to measure speed).
    let fairUse: FairUseResult | null = null;
    let fairUseSkipped: string | null = null;
    const victim = available.find((s) => s.name === "trust.dashboard");
    const victimAccount = info.editors.find((e) => e.odsCode === info.context.dashboardOds);
    // The costliest reads a script could loop over, each under its fair-use rule: views (60/min per
    // account), the national report PDF (a download, 20/min), the snapshot CSV (open data, 120/min per
    // address) and the trust list (a view, counted by account when signed in).
    const noisyRoutes = [
      ...["national.heatmap", "plans.national", "openData.snapshotCsv"]
        .map((n) => available.find((s) => s.name === n))
        .filter((s): s is Scenario => s !== undefined)
        .map((s) => ({ name: s.name, path: requestPath(s, info.context) })),
      ...(config.fairUseReport ? [{ name: "reports.nationalPdf", path: "/reports/national.pdf" }] : []),
      ...available
        .filter((s) => s.name === "organisations.list")
        .map((s) => ({ name: s.name, path: requestPath(s, info.context) })),
    ];
    if (!victim || !victimAccount) fairUseSkipped = "trust.dashboard did not answer";
    else {
      try {
        let url: string;
        if (scratch) {
          log(`  fair use: instance with fair use on (packages/api/dist/main.js) on ${scratch.name}`);
          second = await startSecondInstance(config.repoRoot, scratch.url, info.authSecret, {
            fairUse: true,
          });
          url = second.url;
        } else {
          log("  fair use: a second server with fair use on, in the bench's server process (PGlite)");
          url = await target.startFairUseInstance();
        }
        log(
          `  fair use: ${victim.name} alone, then beside ${config.fairUseConnections} noisy connections (${noisyRoutes.map((r) => r.name).join(", ")})`,
        );
        fairUse = await measureFairUse({
          url,
          instance: scratch ? "process" : "in-process",
          victim: {
            name: `${victim.name} (${scenarioTarget(victim)})`,
            path: requestPath(victim, info.context),
            email: victimAccount.email,
            password: victimAccount.password,
          },
          noisy: { email: info.analyst.email, password: info.analyst.password, routes: noisyRoutes },
          connections: config.fairUseConnections,
          durationS: config.durationS,
        });
      } catch (error) {
        fairUseSkipped = `failed: ${error instanceof Error ? error.message : String(error)}`;
        log(`  fair use ${fairUseSkipped}`);
      }
      await second?.close();
      second = undefined;
    }
    await target.close();
    target = undefined;

    let cold: ColdStart | null = null;
    if (config.coldStart) {
      log("  cold start: node packages/api/dist/main.js on an empty data folder");
      cold = await measureColdStart(config.repoRoot);
    }
    const { commit, dirty } = gitCommit(config.repoRoot);
    const os = await import("node:os");
    const result: BenchResult = {
      engine: info.engine,
      organisations: info.generated.organisations,
      periods: info.generated.periods.length,
      generatedRows: info.generated.rows,
      generateSeconds: round(info.generated.millis / 1000),
      connections: config.connections,
      loadPerPhase: config.requests !== undefined ? `${config.requests} requests` : `${config.durationS} s`,
      scenarios: results,
      skippedScenarios,
      updates,
      freshnessMs: freshness?.ms ?? null,
      freshnessReads: freshness?.reads ?? null,
      coldStartMs: cold?.ms ?? null,
      coldStartProbe: cold?.probe ?? null,
      nationalReport,
      pgbenchSkipped,
      scaleOut,
      scaleOutSkipped,
      fairUse,
      fairUseSkipped,
      bundleGzipBytes: bundleSizes(config.repoRoot),
      commit,
      dirty,
      startedAt,
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map(round), node: process.version },
    };
    mkdirSync(config.resultsDir, { recursive: true });
    const file = join(
      config.resultsDir,
      `${startedAt.replace(/[:.]/g, "-")}-${result.engine}-${result.organisations}.json`,
    );
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    result.resultFile = file;
    return result;
  } finally {
    await second?.close().catch(() => undefined);
    await pgbench?.drop().catch(() => undefined);
    await target?.close().catch(() => undefined);
    await scratch?.drop().catch((e) => log(`  could not drop ${scratch.name}: ${String(e)}`));
  }
}
