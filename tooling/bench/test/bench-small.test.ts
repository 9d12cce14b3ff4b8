import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testEngines } from "@realise/db/testing";
import { FAIR_USE_RULES } from "@realise/domain";
import { afterAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../src/config.js";
import { formatReport, targetChecks } from "../src/report.js";
import { type BenchResult, runBench } from "../src/run.js";

// The bench at a tiny scale, so `pnpm bench` cannot rot: it must run end to end and report the shape the
// issue asks for, with no lost update. Timings are printed, never asserted.
const resultsDir = mkdtempSync(join(tmpdir(), "realise-bench-test-"));
afterAll(() => rmSync(resultsDir, { recursive: true, force: true }));

describe.each(testEngines())("pnpm bench at small scale on $engine", ({ engine, url }) => {
  let result: BenchResult;

  it("runs every phase and writes the JSON result", { timeout: 600_000 }, async () => {
    const base = configFromEnv({});
    result = await runBench({
      ...base,
      organisations: 30,
      periods: 4,
      requests: 60,
      connections: 2,
      updateConcurrency: [1, 8],
      scaleOutConnections: 4,
      // Only the fair-use phase runs for a time (its limits are per minute); 5 s alone, 5 s beside the noise:
      // long enough at this scale for the noisy client to use up a window (20 national report PDFs).
      durationS: 5,
      fairUseConnections: 4,
      databaseUrl: url,
      resultsDir,
      // One cold start per run is enough; it does not depend on the engine under test.
      coldStart: engine === "pglite",
      targetMode: "inline",
      log: () => {},
    });
    const written = JSON.parse(readFileSync(result.resultFile!, "utf8")) as BenchResult;
    expect(written.engine).toBe(engine);
    expect(written.organisations).toBe(30);
    expect(written.commit).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(Object.keys(written.bundleGzipBytes).sort()).toEqual(["admin", "web"]);
  });

  it("measures each read scenario three ways", () => {
    const names = result.scenarios.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["trust.dashboard", "organisations.list", "registry.summary"]),
    );
    // The generated data holds what each of these needs (an ICB with trusts, plans, benefits, audit rows,
    // published snapshots), so none may be skipped: a skip here is a route that stopped answering 200.
    expect(names).toEqual(
      expect.arrayContaining([
        "national.icb",
        "national.heatmapTable",
        "plans.national",
        "benefits.national",
        "audit.search",
        "openData.snapshotCsv",
      ]),
    );
    const byName = new Map(result.scenarios.map((s) => [s.name, s]));
    expect(byName.get("national.icb")!.path).toContain("icbCode");
    expect(byName.get("audit.search")!.procedure).toBe("audit.search");
    const csv = byName.get("openData.snapshotCsv")!;
    expect(csv.procedure).toBe("GET /api/v1/snapshots/{period}/adoption.csv");
    expect(csv.path).toMatch(/^\/api\/v1\/snapshots\/\d{4}-\d{2}-Q[1-4]\/adoption\.csv$/);
    // The compressed CSV is smaller than the CSV itself (the route compresses when asked).
    expect(csv.wireBytes).toBeLessThan(csv.responseBytes);
    // The national views are measured once their procedures are registered; until then they are listed as skipped.
    for (const name of ["national.overview", "national.heatmap"]) {
      expect([...names, ...result.skippedScenarios.map((s) => s.name)]).toContain(name);
    }
    for (const s of result.scenarios) {
      expect(s.requests).toBeGreaterThanOrEqual(60);
      for (const v of [s.p50Ms, s.p95Ms, s.p99Ms, s.bareSqlP95Ms, s.bareHttpP95Ms, s.ratio]) {
        expect(Number.isFinite(v) && v > 0).toBe(true);
      }
      expect(s.p50Ms).toBeLessThanOrEqual(s.p95Ms);
      expect(s.p95Ms).toBeLessThanOrEqual(s.p99Ms);
      expect(Number.isInteger(s.wireBytes) && s.wireBytes > 0).toBe(true);
      expect(Number.isInteger(s.responseBytes) && s.responseBytes > 0).toBe(true);
    }
  });

  it("writes audited updates concurrently with no lost update, no unaudited write and no stale tier", () => {
    expect(result.updates.map((u) => u.concurrency)).toEqual([1, 8]);
    for (const u of result.updates) {
      expect(u.updates).toBeGreaterThan(0);
      expect(u.errors).toBe(0);
      expect(u.lostUpdates).toBe(0);
      expect(u.missingAuditRows).toBe(0);
      expect(u.staleAggregates).toBe(0);
      expect(u.updatesPerSecond).toBeGreaterThan(0);
      expect(u.bareUpdatesPerSecond).toBeGreaterThan(0);
      // pgbench's floor beside each phase: measured on PostgreSQL when the binary is there, else null with a reason.
      if (result.pgbenchSkipped === null) {
        expect(u.pgbenchTps).toBeGreaterThan(0);
        expect(u.pgbenchRatio).toBeGreaterThan(0);
      } else {
        expect(u.pgbenchTps).toBeNull();
        expect(u.pgbenchRatio).toBeNull();
      }
    }
    if (engine === "pglite") expect(result.pgbenchSkipped).toMatch(/PGlite/);
  });

  it("compares one instance with two on PostgreSQL, and says why not on PGlite", () => {
    if (engine === "pglite") {
      expect(result.scaleOut).toBeNull();
      expect(result.scaleOutSkipped).toMatch(/PGlite/);
      return;
    }
    expect(result.scaleOutSkipped).toBeNull();
    const so = result.scaleOut!;
    expect(so.instances).toBe(2);
    expect(so.connections).toBe(4);
    expect(so.scenarios).toEqual(expect.arrayContaining(["trust.dashboard"]));
    for (const v of [so.singleRps, so.dualRps, so.readThroughputRatio]) expect(v).toBeGreaterThan(0);
    expect(Number.isFinite(so.freshnessAcrossInstancesMs)).toBe(true);
    expect(formatReport(result)).toContain("2 instances ≥ 1.4× the read throughput of 1");
  });

  it("measures the trust dashboard beside a noisy client on an instance with fair use on", () => {
    expect(result.fairUseSkipped).toBeNull();
    const f = result.fairUse!;
    expect(f.instance).toBe(engine === "postgres" ? "process" : "in-process");
    expect(f.victim).toContain("adoption.forOrganisation");
    expect(f.noisyRoutes).toEqual(
      expect.arrayContaining([
        "national.heatmap",
        "plans.national",
        "openData.snapshotCsv",
        "reports.nationalPdf",
        "organisations.list",
      ]),
    );
    expect(f.victimRequestsBefore).toBeGreaterThan(0);
    expect(f.victimRequestsDuring).toBeGreaterThan(0);
    for (const v of [f.victimP95BeforeMs, f.victimP95DuringMs, f.victimP95Ratio])
      expect(Number.isFinite(v) && v > 0).toBe(true);
    // The victim is never refused; the noisy client is, once its windows are used up, and told when to retry.
    expect(f.victimErrors).toBe(0);
    expect(f.noisyErrors).toBe(0);
    expect(f.noisyRejected).toBeGreaterThan(0);
    expect(f.noisyRejected).toBeLessThan(f.noisyRequests);
    expect(f.retryAfterSeen).toBe(true);
    expect(f.noisyByRoute.reduce((n, r) => n + r.requests, 0)).toBe(f.noisyRequests);
    expect(f.noisyByRoute.reduce((n, r) => n + r.rejected, 0)).toBe(f.noisyRejected);
    // No route lets through more than its rule allows (each window starts in this phase and lasts a
    // minute, longer than the phase), so the counts are what the limits say, not a miscount.
    const allowance: Record<string, number> = {
      "national.heatmap": FAIR_USE_RULES.view.max,
      "plans.national": FAIR_USE_RULES.view.max,
      "organisations.list": FAIR_USE_RULES.view.max,
      "reports.nationalPdf": FAIR_USE_RULES.download.max,
      "openData.snapshotCsv": FAIR_USE_RULES.openData.max,
    };
    for (const r of f.noisyByRoute) expect(r.requests - r.rejected).toBeLessThanOrEqual(allowance[r.route]!);
    const report = formatReport(result);
    expect(report).toContain("fair use: victim");
    expect(report).toContain("trust dashboard p95 beside a noisy client ≤ 2× alone");
  });

  it("reports freshness, cold start and the targets table", () => {
    if (result.scenarios.some((s) => s.name === "national.heatmap")) expect(result.freshnessReads).toBe(1);
    expect(result.freshnessMs).not.toBeNull();
    if (engine === "pglite") expect(result.coldStartMs).toBeGreaterThan(0);
    const report = formatReport(result);
    expect(report).toContain("national overview p95 ≤ 20 ms");
    // The national quarterly report PDF is built from the generated published periods.
    expect(result.nationalReport?.bytes).toBeGreaterThan(10_000);
    expect(report).toContain("national quarterly report at 30 trusts ≤ 10 s");
    expect(targetChecks(result).length).toBeGreaterThanOrEqual(8);
  });
});
