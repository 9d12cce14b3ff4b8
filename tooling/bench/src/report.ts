import type { BenchResult } from "./run.js";

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

const ms = (x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x) ? "n/a" : `${x} ms`;
const kb = (x: number | null) => (x === null ? "not built" : `${(x / 1024).toFixed(1)} kB`);
const bytes = (x: number) => `${x.toLocaleString("en-GB")} B`;

/** A read's p95 against a ceiling; "not measured" (with the skip reason when there is one) otherwise. */
function p95Within(r: BenchResult, name: string, maxMs: number): TargetCheck {
  const s = r.scenarios.find((x) => x.name === name);
  const skipped = r.skippedScenarios.find((x) => x.name === name);
  return {
    target: `${name} p95 ≤ ${maxMs} ms`,
    measured: s ? ms(s.p95Ms) : `not measured${skipped ? ` (${skipped.reason})` : ""}`,
    met: s ? s.p95Ms <= maxMs : null,
  };
}

/** The issue's targets beside what this run measured. Reported, never asserted in tests. */
export function targetChecks(r: BenchResult): TargetCheck[] {
  const overview = r.scenarios.find((s) => s.name === "national.overview");
  const heatmap = r.scenarios.find((s) => s.name === "national.heatmap");
  const fair = r.fairUse;
  const bestUpdates = Math.max(0, ...r.updates.map((u) => u.updatesPerSecond));
  const lost = r.updates.reduce((n, u) => n + u.lostUpdates + u.missingAuditRows, 0);
  const stale = r.updates.reduce((n, u) => n + u.staleAggregates, 0);
  const floorAt = r.updates.filter((u) => u.concurrency === 8 || u.concurrency === 32);
  const floorMeasured = floorAt.filter((u) => u.pgbenchRatio !== null);
  const out = r.scaleOut;
  return [
    {
      target: "national overview p95 ≤ 20 ms",
      measured: overview ? ms(overview.p95Ms) : "not measured",
      met: overview ? overview.p95Ms <= 20 : null,
    },
    {
      target: "national overview p95 ≤ 1.3× bare HTTP floor",
      measured: overview ? `${overview.ratio}× (floor ${ms(overview.bareHttpP95Ms)})` : "not measured",
      met: overview ? overview.ratio <= 1.3 : null,
    },
    p95Within(r, "national.region", 15),
    p95Within(r, "national.icb", 15),
    {
      target: "heatmap p95 ≤ 100 ms",
      measured: heatmap ? ms(heatmap.p95Ms) : "not measured",
      met: heatmap ? heatmap.p95Ms <= 100 : null,
    },
    {
      target: "heatmap on the wire (gzip, br accepted) ≤ 150,000 B",
      measured: heatmap
        ? `${bytes(heatmap.wireBytes)} (${bytes(heatmap.responseBytes)} uncompressed)`
        : "not measured",
      met: heatmap ? heatmap.wireBytes <= 150_000 : null,
    },
    p95Within(r, "national.heatmapTable", 50),
    p95Within(r, "trust.dashboard", 15),
    p95Within(r, "openData.snapshotCsv", 50),
    p95Within(r, "plans.national", 50),
    p95Within(r, "benefits.national", 50),
    p95Within(r, "audit.search", 50),
    {
      target: "trust dashboard p95 beside a noisy client ≤ 2× alone (fair use on)",
      measured: fair
        ? `${fair.victimP95Ratio}× (${ms(fair.victimP95BeforeMs)} → ${ms(fair.victimP95DuringMs)}; ${fair.noisyRejected} of ${fair.noisyRequests} noisy answers refused)`
        : `not measured${r.fairUseSkipped ? ` (${r.fairUseSkipped})` : ""}`,
      met: fair ? fair.victimP95Ratio <= 2 : null,
    },
    {
      target: "fair use never refuses the victim; every 429 says when to retry",
      measured: fair
        ? `${fair.victimErrors} victim error(s); Retry-After on every 429: ${fair.retryAfterSeen ? "yes" : fair.noisyRejected ? "no" : "no 429 seen"}`
        : "not measured",
      met: fair ? fair.victimErrors === 0 && fair.retryAfterSeen : null,
    },
    {
      target: "≥ 1,000 audited updates/s",
      measured: `${bestUpdates} /s (best of ${r.updates.map((u) => u.concurrency).join("/")} clients)`,
      met: r.updates.length ? bestUpdates >= 1000 : null,
    },
    {
      target: "audited updates/s ≥ 0.5 × pgbench -N tps at 8 and 32 clients",
      measured: floorMeasured.length
        ? floorMeasured
            .map((u) => `${u.concurrency}: ${u.updatesPerSecond} / ${u.pgbenchTps} = ${u.pgbenchRatio}×`)
            .join("; ")
        : `not measured${r.pgbenchSkipped ? ` (${r.pgbenchSkipped})` : ""}`,
      met: floorMeasured.length
        ? floorMeasured.length === floorAt.length && floorMeasured.every((u) => u.pgbenchRatio! >= 0.5)
        : null,
    },
    { target: "0 lost updates, every write audited", measured: String(lost), met: lost === 0 },
    { target: "0 stale tier aggregates after concurrent writes", measured: String(stale), met: stale === 0 },
    {
      target: "freshness: next request",
      measured:
        r.freshnessReads === null ? "not measured" : `${r.freshnessReads} read(s), ${ms(r.freshnessMs)}`,
      met: r.freshnessReads === null ? null : r.freshnessReads === 1,
    },
    {
      target: "2 instances ≥ 1.4× the read throughput of 1",
      measured: out
        ? `${out.readThroughputRatio}× (${out.singleRps} → ${out.dualRps} answers/s, ${out.connections} connections)`
        : `not measured${r.scaleOutSkipped ? ` (${r.scaleOutSkipped})` : ""}`,
      met: out ? out.readThroughputRatio >= 1.4 : null,
    },
    {
      target: "write on one instance visible on the other ≤ 1,000 ms",
      measured: out ? `${ms(out.freshnessAcrossInstancesMs)} (worst of 5)` : "not measured",
      met: out ? out.freshnessAcrossInstancesMs <= 1_000 : null,
    },
    {
      target: "cold start ≤ 10 s",
      measured:
        r.coldStartMs === null ? "not measured" : `${ms(r.coldStartMs)} (until ${r.coldStartProbe} answered)`,
      met: r.coldStartMs === null ? null : r.coldStartMs <= 10_000,
    },
    {
      target: `national quarterly report at ${r.organisations} trusts ≤ 10 s`,
      measured: r.nationalReport
        ? `${ms(r.nationalReport.ms)} median of ${r.nationalReport.builds} (slowest ${ms(r.nationalReport.maxMs)})`
        : "not measured",
      met: r.nationalReport ? r.nationalReport.maxMs <= 10_000 : null,
    },
    {
      target: "web initial JS ≤ 250 kB gzip",
      measured: kb(r.bundleGzipBytes.web),
      met: r.bundleGzipBytes.web === null ? null : r.bundleGzipBytes.web <= 250 * 1024,
    },
    {
      target: "admin initial JS ≤ 250 kB gzip",
      measured: kb(r.bundleGzipBytes.admin),
      met: r.bundleGzipBytes.admin === null ? null : r.bundleGzipBytes.admin <= 250 * 1024,
    },
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}

/** The run as Markdown tables: reads, writes, then the targets with met / missed. */
export function formatReport(r: BenchResult): string {
  const out: string[] = [];
  out.push(
    `Engine: ${r.engine === "postgres" ? "PostgreSQL" : "PGlite (embedded)"} · ${r.organisations} trusts · ${r.periods} quarters · ` +
      `${r.connections} connection(s) per read phase, ${r.loadPerPhase} per phase · commit ${r.commit.slice(0, 10)}${r.dirty ? " (uncommitted changes)" : ""}`,
  );
  out.push(
    `Machine: ${r.machine.cpus} CPUs, load average ${r.machine.loadAverage.join(" / ")} at the end, Node ${r.machine.node}; data generated in ${r.generateSeconds} s`,
  );
  out.push("");
  out.push(
    table(
      [
        "scenario",
        "p50",
        "p95",
        "p99",
        "bare SQL p95",
        "bare HTTP p95",
        "ratio",
        "requests",
        "response",
        "on the wire",
      ],
      r.scenarios.map((s) => [
        s.name,
        ms(s.p50Ms),
        ms(s.p95Ms),
        ms(s.p99Ms),
        ms(s.bareSqlP95Ms),
        ms(s.bareHttpP95Ms),
        `${s.ratio}×`,
        String(s.requests),
        `${(s.responseBytes / 1024).toFixed(1)} kB`,
        `${(s.wireBytes / 1024).toFixed(1)} kB`,
      ]),
    ),
  );
  if (r.skippedScenarios.length)
    out.push(`Skipped: ${r.skippedScenarios.map((s) => `${s.name} (${s.reason})`).join("; ")}`);
  out.push("");
  out.push(
    table(
      [
        "clients",
        "updates/s",
        "p50",
        "p95",
        "bare Kysely updates/s",
        "bare p95",
        "pgbench -N tps",
        "÷ pgbench",
        "conflicts",
        "errors",
        "lost",
        "unaudited",
        "stale tiers",
      ],
      r.updates.map((u) => [
        String(u.concurrency),
        String(u.updatesPerSecond),
        ms(u.p50Ms),
        ms(u.p95Ms),
        String(u.bareUpdatesPerSecond),
        ms(u.bareP95Ms),
        u.pgbenchTps === null ? "n/a" : String(u.pgbenchTps),
        u.pgbenchRatio === null ? "n/a" : `${u.pgbenchRatio}×`,
        String(u.conflicts),
        String(u.errors),
        String(u.lostUpdates),
        String(u.missingAuditRows),
        String(u.staleAggregates),
      ]),
    ),
  );
  if (r.pgbenchSkipped) out.push(`pgbench: ${r.pgbenchSkipped}`);
  out.push("");
  if (r.scaleOut) {
    const so = r.scaleOut;
    out.push(
      table(
        ["scale-out reads", "connections", "1 instance", "2 instances", "ratio", "freshness across"],
        [
          [
            so.scenarios.join(" + "),
            String(so.connections),
            `${so.singleRps} /s`,
            `${so.dualRps} /s`,
            `${so.readThroughputRatio}×`,
            ms(so.freshnessAcrossInstancesMs),
          ],
        ],
      ),
    );
  } else out.push(`Scale-out: not measured (${r.scaleOutSkipped ?? "no reason given"})`);
  out.push("");
  if (r.fairUse) {
    const f = r.fairUse;
    out.push(
      table(
        [
          "fair use: victim",
          "alone p95",
          "beside noise p95",
          "ratio",
          "noisy connections",
          "noisy answers",
          "refused (429)",
          "Retry-After on 429s",
          "victim errors",
        ],
        [
          [
            f.victim,
            `${ms(f.victimP95BeforeMs)} (${f.victimRequestsBefore})`,
            `${ms(f.victimP95DuringMs)} (${f.victimRequestsDuring})`,
            `${f.victimP95Ratio}×`,
            String(f.noisyConnections),
            String(f.noisyRequests),
            String(f.noisyRejected),
            f.retryAfterSeen ? "yes" : f.noisyRejected ? "NO" : "none refused",
            String(f.victimErrors),
          ],
        ],
      ),
    );
    out.push(
      `Noise, ${f.seconds} s on ${f.instance === "process" ? "its own main.js process" : "an in-process server (PGlite)"}: ` +
        f.noisyByRoute.map((n) => `${n.route} ${n.rejected}/${n.requests} refused`).join(", ") +
        (f.noisyErrors ? `; ${f.noisyErrors} noisy failure(s) (neither 200 nor 429)` : ""),
    );
  } else out.push(`Fair use: not measured (${r.fairUseSkipped ?? "no reason given"})`);
  out.push("");
  out.push(
    table(
      ["target", "measured", "met"],
      targetChecks(r).map((c) => [c.target, c.measured, c.met === null ? "n/a" : c.met ? "yes" : "NO"]),
    ),
  );
  return out.join("\n");
}
