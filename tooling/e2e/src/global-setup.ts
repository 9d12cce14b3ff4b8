import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRealise } from "@realise/api/server";
import { createDatabase } from "@realise/db";
import type { TestProject } from "vitest/node";
import { chromiumPath } from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    chromium: string | null;
    databaseImage: string;
  }
}

/** Seed one embedded database the way a first start does, and keep its image for every test file's server. */
async function seededImage(): Promise<string> {
  const database = await createDatabase();
  const running = await startRealise({ port: 0, demo: true, database, log: () => {} });
  await running.close();
  const blob = await database.pglite!.dumpDataDir("gzip");
  await database.close();
  const file = join(tmpdir(), `realise-e2e-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  return file;
}

/** Find Debian's Chromium once; without it the browser tests skip, unless E2E_REQUIRED=1. */
export default async function setup(project: TestProject) {
  const chromium = chromiumPath() ?? null;
  if (!chromium && process.env.E2E_REQUIRED === "1") {
    throw new Error("E2E_REQUIRED=1 but Chromium is not installed (apt-get install -y chromium)");
  }
  project.provide("chromium", chromium);
  const image = await seededImage();
  project.provide("databaseImage", image);
  return () => rmSync(image, { force: true });
}
