import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { AutocannonRequest } from "autocannon";
import { freePort } from "./cold-start.js";
import { trpcQuery } from "./http.js";
import { type LoadResult, runLoad } from "./load.js";
import { requestPath, type Scenario } from "./scenarios.js";
import { round } from "./stats.js";
import type { Target, TargetInfo } from "./target.js";
import { freshnessSamples } from "./freshness.js";
import { updateValues } from "./updates.js";

export interface ScaleOutResult {
  instances: 2;
  /** Total connections of the load generator, in both runs. */
  connections: number;
  /** The reads the load sends, each connection in turn. */
  scenarios: string[];
  /** Answers per second with every connection on instance A (two halves of the phase, see measureScaleOut). */
  singleRps: number;
  /** Answers per second with the same connections spread round-robin over A and B. */
  dualRps: number;
  /** dualRps / singleRps. */
  readThroughputRatio: number;
  /** Worst of a few tries: from a write acknowledged by A until B's trust dashboard shows it. */
  freshnessAcrossInstancesMs: number;
}

export interface Instance {
  url: string;
  close(): Promise<void>;
}

/**
 * A second Realise server as production runs one: `node packages/api/dist/main.js` in its own process,
 * on the same database, another port, with the first instance's session secret (sessions live in the
 * database; the secret signs their cookies), no demo data and no sign-in throttling (as the first one).
 * Fair use is off, like the first instance, unless `fairUse` asks for it (the noisy-neighbour phase).
 */
export async function startSecondInstance(
  repoRoot: string,
  databaseUrl: string,
  authSecret: string,
  options: { fairUse?: boolean; timeoutMs?: number } = {},
): Promise<Instance> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const main = join(repoRoot, "packages/api/dist/main.js");
  if (!existsSync(main)) throw new Error(`${main} is not built (pnpm build)`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    AUTH_SECRET: authSecret,
    REALISE_DEMO: "0",
    REALISE_RATE_LIMIT: "0",
    // Like the first instance: the load phases measure speed, not the per-client limits.
    REALISE_FAIR_USE: "0",
  };
  // main.js turns fair use on unless REALISE_FAIR_USE is "0", so on means the variable is absent.
  if (options.fairUse) delete env.REALISE_FAIR_USE;
  for (const name of ["DATABASE_ADMIN_URL", "PUBLIC_URL", "REALISE_DATA_DIR"]) delete env[name];
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: repoRoot,
    env,
    // Its access log goes nowhere, as the first instance's does (log: () => {} in target.ts).
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr = (stderr + String(d)).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) =>
    child.exitCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
  const close = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  try {
    while (performance.now() - started < timeoutMs) {
      if (child.exitCode !== null) throw new Error(`Second instance exited (${child.exitCode}): ${stderr}`);
      const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1_000) })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ready) return { url, close };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`Second instance not ready within ${timeoutMs} ms: ${stderr}`);
  } catch (error) {
    await close();
    throw error;
  }
}

/** 200 answers per second over the runs together. */
const rps = (runs: LoadResult[]) =>
  round(
    runs.reduce((n, r) => n + (r.statuses[200] ?? 0), 0) / (runs.reduce((t, r) => t + r.elapsedMs, 0) / 1000),
  );

function ensureOk(label: string, r: LoadResult) {
  const bad = Object.entries(r.statuses).filter(([status]) => status !== "200");
  if (bad.length || r.errors)
    throw new Error(
      `scale-out (${label}): non-200 answers ${JSON.stringify(r.statuses)}, errors ${r.errors}`,
    );
}

export interface ScaleOutOptions {
  a: string;
  b: string;
  /** The read scenarios to mix, each with the Cookie header of its caller. */
  reads: { scenario: Scenario; cookie: string | undefined }[];
  connections: number;
  requests?: number | undefined;
  durationS: number;
  info: TargetInfo;
  target: Target;
  /** The editor's cookie for the trust of `info.keys`'s last record (the freshness write). */
  editorCookie: (odsCode: string) => string;
}

/**
 * The same read load, from the same load generator with the same total connections, first all on
 * instance A, then spread round-robin over A and B; then how soon a write through A is visible on B.
 */
export async function measureScaleOut(o: ScaleOutOptions): Promise<ScaleOutResult> {
  const requests: AutocannonRequest[] = o.reads.map(({ scenario, cookie }) => ({
    method: "GET",
    path: requestPath(scenario, o.info.context),
    headers: cookie ? { cookie } : ({} as Record<string, string>),
  }));
  // Each side is measured in two halves, in the order A, A+B, A+B, A: the machine is shared, so load
  // that drifts during the phase weighs on both sides alike instead of on whichever ran second.
  const half = {
    connections: o.connections,
    requests: o.requests === undefined ? undefined : Math.max(o.connections, Math.ceil(o.requests / 2)),
    durationS: o.durationS / 2,
    request: requests,
  };
  const warm = { connections: o.connections, requests: Math.max(100, 20 * o.connections), request: requests };
  await runLoad({ url: o.a, ...warm });
  await runLoad({ url: o.b, ...warm });
  const single: LoadResult[] = [];
  const dual: LoadResult[] = [];
  for (const side of ["single", "dual", "dual", "single"] as const) {
    const r = await runLoad({ url: side === "single" ? o.a : [o.a, o.b], ...half });
    ensureOk(side === "single" ? "one instance" : "two instances", r);
    (side === "single" ? single : dual).push(r);
  }

  // Freshness across instances: the write is acknowledged by A, then B's dashboard of that trust is read
  // every ~10 ms until it differs from what B showed before the write.
  const key = o.info.keys[o.info.keys.length - 1]!;
  const cookie = o.editorCookie(key.odsCode);
  const dashboard = { odsCode: key.odsCode };
  const samples = await freshnessSamples({
    target: o.target,
    key,
    cookie,
    writeUrl: o.a,
    read: () => trpcQuery(o.b, "adoption.forOrganisation", dashboard, cookie),
    values: updateValues,
    pollMs: 10,
  });
  if (samples.length !== 5) throw new Error("Instance B never showed A's write within 5 s");
  const singleRps = rps(single);
  const dualRps = rps(dual);
  return {
    instances: 2,
    connections: o.connections,
    scenarios: o.reads.map((r) => r.scenario.name),
    singleRps,
    dualRps,
    readThroughputRatio: singleRps > 0 ? round(dualRps / singleRps) : 0,
    freshnessAcrossInstancesMs: round(Math.max(...samples.map((s) => s.ms))),
  };
}
