import { fileURLToPath } from "node:url";

export interface BenchConfig {
  /** Trusts to generate (the real 202 plus synthetic ones). */
  organisations: number;
  /** Historic quarters of adoption history. */
  periods: number;
  /**
   * Seconds each load phase runs; ignored when `requests` is set, except by the fair-use phase, whose
   * limits are per minute, so it always runs for a time.
   */
  durationS: number;
  /** A fixed number of requests per load phase instead of a duration (the small test run). */
  requests?: number | undefined;
  /** Concurrent connections for the read scenarios. */
  connections: number;
  /** Concurrent clients for the audited-update phases (pgbench -N runs at the same counts). */
  updateConcurrency: number[];
  /** Total connections of the scale-out read load, on one instance and then spread over two. */
  scaleOutConnections: number;
  /** Connections of the noisy client in the fair-use phase (the victim has one). */
  fairUseConnections: number;
  /**
   * Whether the noisy client also asks for the national report PDF (BENCH_FAIR_USE_REPORT=0: not). Each
   * build is CPU-bound work on the instance's one event loop, so it weighs on the victim far more than
   * the cached views do; off, the phase shows what the views alone cost the victim.
   */
  fairUseReport: boolean;
  /** Real PostgreSQL server; a scratch database is created and dropped on it. Absent: PGlite. */
  databaseUrl?: string | undefined;
  /** Where the JSON result goes. */
  resultsDir: string;
  /** Measure `pnpm start` to first page on an empty data folder. */
  coldStart: boolean;
  /** "child": the servers run in their own process (the real bench); "inline": in this one (tests). */
  targetMode: "child" | "inline";
  seed: string;
  repoRoot: string;
  log: (line: string) => void;
}

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const int = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
};

/** `pnpm bench` settings from the environment (BENCH_ORGS, BENCH_PERIODS, BENCH_DURATION_S, …). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return {
    organisations: int(env.BENCH_ORGS, 2_000),
    periods: int(env.BENCH_PERIODS, 20),
    durationS: int(env.BENCH_DURATION_S, 10),
    requests: env.BENCH_REQUESTS ? int(env.BENCH_REQUESTS, 200) : undefined,
    connections: int(env.BENCH_CONNECTIONS, 2),
    updateConcurrency: (env.BENCH_UPDATE_CONCURRENCY ?? "1,8,32").split(",").map((c) => int(c, 1)),
    scaleOutConnections: int(env.BENCH_SCALE_OUT_CONNECTIONS, 8),
    fairUseConnections: int(env.BENCH_FAIR_USE_CONNECTIONS, 4),
    fairUseReport: env.BENCH_FAIR_USE_REPORT !== "0",
    databaseUrl: env.DATABASE_URL || undefined,
    resultsDir: env.BENCH_RESULTS_DIR ?? `${repoRoot}bench/results`,
    coldStart: env.BENCH_COLD_START !== "0",
    targetMode: env.BENCH_INLINE === "1" ? "inline" : "child",
    seed: env.BENCH_SEED ?? "realise-national",
    repoRoot,
    log: (line) => console.log(line),
  };
}
