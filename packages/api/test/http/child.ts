import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase } from "@realise/db";
import { createScratchDatabase } from "@realise/db/testing";
import { inject } from "vitest";
import type { EngineName } from "../support/harness.js";
import { TEST_SECRET } from "../support/template.js";

const api = fileURLToPath(new URL("../..", import.meta.url));
let build: string | undefined;

/**
 * Compile the API into a folder of its own (the child runs `node <build>/main.js`, as `pnpm start` runs
 * dist/main.js), laid out like the repository so the server finds two small built apps beside it: the
 * test does not depend on anyone having built the real apps, nor race another file rebuilding dist/.
 */
export function buildApi(): string {
  if (build) return build;
  const root = mkdtempSync(join(tmpdir(), "realise-edge-"));
  process.once("exit", () => rmSync(root, { recursive: true, force: true }));
  const out = join(root, "packages", "api");
  mkdirSync(out, { recursive: true });
  symlinkSync(join(api, "node_modules"), join(out, "node_modules"), "dir");
  for (const app of ["web", "admin"]) {
    mkdirSync(join(root, "apps", app, "dist"), { recursive: true });
    writeFileSync(join(root, "apps", app, "dist", "index.html"), "<!doctype html><title>Realise</title>");
  }
  const tsc = fileURLToPath(new URL("../../../../node_modules/.bin/tsc", import.meta.url));
  execFileSync(
    tsc,
    [
      "-p",
      "tsconfig.build.json",
      "--outDir",
      join(out, "dist"),
      "--declaration",
      "false",
      "--declarationMap",
      "false",
      "--sourceMap",
      "false",
    ],
    { cwd: api, stdio: "pipe" },
  );
  build = join(out, "dist");
  return build;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A seeded database the child can open: a PGlite data folder, or a scratch PostgreSQL database. */
export async function childDatabase(
  engine: EngineName,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (engine === "pglite") {
    const dataDir = mkdtempSync(join(tmpdir(), "realise-child-"));
    const image = readFileSync(inject("pgliteTemplate"));
    const database = await createDatabase({ dataDir, loadDataDir: new Blob([image]) });
    await database.close();
    return { env: { REALISE_DATA_DIR: dataDir }, drop: async () => {} };
  }
  const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, {
    template: inject("postgresTemplate")!,
  });
  return { env: { DATABASE_URL: scratch.url }, drop: () => scratch.drop() };
}

export interface Child {
  url: string;
  port: number;
  process: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
  output(): string;
}

/** Start the compiled main.js with the given environment and wait until /healthz answers. */
export async function spawnRealise(env: Record<string, string>): Promise<Child> {
  const dist = buildApi();
  const port = await freePort();
  const child = spawn(process.execPath, [join(dist, "main.js")], {
    cwd: api,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      AUTH_SECRET: TEST_SECRET,
      REALISE_RATE_LIMIT: "0",
      LOG_LEVEL: process.env.CHILD_LOG_LEVEL ?? "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => {
    output = (output + c.toString("utf8")).slice(-200_000);
  });
  child.stderr.on("data", (c: Buffer) => {
    output = (output + c.toString("utf8")).slice(-200_000);
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal)),
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`Realise exited while starting:\n${output}`);
    const ok = await fetch(`${url}/healthz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (i > 600) throw new Error(`Realise did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, process: child, exited, output: () => output };
}
