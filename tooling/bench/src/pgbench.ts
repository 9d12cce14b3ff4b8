import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createScratchDatabase } from "@realise/db/testing";

/** Debian's postgresql-client puts it here; PGBENCH names another binary. */
export const PGBENCH = process.env.PGBENCH ?? "/usr/bin/pgbench";

/** How long (or how many transactions) one pgbench run lasts: the same as the phase it is compared with. */
export interface PgbenchLoad {
  clients: number;
  durationS?: number | undefined;
  /** Transactions in all (the small test run): split evenly over the clients, rounded up. */
  requests?: number | undefined;
}

export interface Pgbench {
  /** Scratch database pgbench writes to. */
  database: string;
  /** `pgbench -N` (simple update: no tellers/branches updates) at `clients` clients; tps without connection time. */
  run(load: PgbenchLoad): Promise<number>;
  drop(): Promise<void>;
}

/** libpq's environment for a postgres:// URL (pgbench reads the same variables as psql). */
function libpqEnv(url: string, database: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGDATABASE: database };
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, "$1");
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

function pgbench(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      PGBENCH,
      args,
      { env, timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`pgbench ${args.join(" ")} failed: ${error.message}\n${stderr.slice(-800)}`));
        else resolve(`${stdout}\n${stderr}`);
      },
    );
  });
}

/** The tps line pgbench prints: "tps = 1234.567890 (without initial connection time)". */
export function parseTps(output: string): number {
  const m = /tps = ([0-9.]+) \(without initial connection time\)/.exec(output);
  if (!m) throw new Error(`No tps in pgbench's output: ${output.slice(-500)}`);
  return Number(m[1]);
}

/** Why pgbench cannot run here, or undefined when it can. */
export function pgbenchUnavailable(databaseUrl: string | undefined): string | undefined {
  if (!databaseUrl) return "PGlite: pgbench needs a PostgreSQL server (set DATABASE_URL)";
  if (!existsSync(PGBENCH)) return `${PGBENCH} not found (Debian: apt-get install postgresql-client)`;
  return undefined;
}

/**
 * PostgreSQL's own write floor on the same server: a scratch database (created here, dropped by `drop`)
 * initialised by `pgbench -i` at scale 1 (100,000 accounts; `-N` touches only accounts and history, so
 * even 32 clients rarely meet on a row), then `pgbench -N` runs beside each audited-update phase.
 */
export async function preparePgbench(databaseUrl: string): Promise<Pgbench> {
  const scratch = await createScratchDatabase(databaseUrl, { prefix: "realise_pgbench" });
  const env = libpqEnv(databaseUrl, scratch.name);
  try {
    await pgbench(["-i", "-q", "-s", "1"], env, 300_000);
  } catch (error) {
    await scratch.drop().catch(() => undefined);
    throw error;
  }
  return {
    database: scratch.name,
    async run(load) {
      const clients = Math.max(1, load.clients);
      const span =
        load.requests !== undefined
          ? ["-t", String(Math.max(1, Math.ceil(load.requests / clients)))]
          : ["-T", String(Math.max(1, Math.round(load.durationS ?? 10)))];
      // At most two pgbench threads: the machine's cores are shared with the server under test.
      const threads = String(Math.min(2, clients));
      const limit = load.requests !== undefined ? 300_000 : ((load.durationS ?? 10) + 120) * 1000;
      return parseTps(await pgbench(["-N", "-c", String(clients), "-j", threads, ...span], env, limit));
    },
    drop: () => scratch.drop(),
  };
}
