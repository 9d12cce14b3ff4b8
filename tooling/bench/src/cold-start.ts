import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ColdStart {
  ms: number;
  /** What answered: "/" (the trust app) or "/readyz" when the apps are not built. */
  probe: string;
}

/**
 * What `pnpm start` does after its build step, on an empty data folder: start the server (embedded
 * PostgreSQL, migrations, seed, demo accounts) and time until the first page answers 200.
 */
export async function measureColdStart(repoRoot: string, timeoutMs = 120_000): Promise<ColdStart> {
  const dataDir = mkdtempSync(join(tmpdir(), "realise-cold-"));
  const port = await freePort();
  const probe = existsSync(join(repoRoot, "apps/web/dist/index.html")) ? "/" : "/readyz";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    REALISE_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const started = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, "packages/api/dist/main.js")], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  try {
    while (performance.now() - started < timeoutMs) {
      if (child.exitCode !== null)
        throw new Error(`Server exited (${child.exitCode}): ${stderr.slice(-500)}`);
      // A request that arrives between the server's listen and its handler being attached is never
      // answered (boot.ts listens before auth is ready), so each probe gives up quickly and retries.
      const ok = await fetch(`http://127.0.0.1:${port}${probe}`, { signal: AbortSignal.timeout(1_000) })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return { ms: Math.round(performance.now() - started), probe };
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`No answer on ${probe} within ${timeoutMs} ms`);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
