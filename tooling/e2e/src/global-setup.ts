import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRealise } from "@realise/api/server";
import { createDatabase } from "@realise/db";
import { chromiumPath } from "./chromium.js";

/** Where the seeded image lives for this run; the workers inherit it from the environment. */
export const DATABASE_IMAGE_ENV = "REALISE_E2E_DATABASE_IMAGE";

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

/** Without Debian's Chromium the browser tests skip, unless E2E_REQUIRED=1 makes that a failure. */
export default async function globalSetup(): Promise<(() => void) | undefined> {
  if (!chromiumPath()) {
    if (process.env.E2E_REQUIRED === "1") {
      throw new Error("E2E_REQUIRED=1 but Chromium is not installed (apt-get install -y chromium)");
    }
    console.warn("Chromium is not installed: browser tests skipped (set E2E_REQUIRED=1 to fail instead)");
    // Every test skips, so no server will want the image.
    return undefined;
  }
  const image = await seededImage();
  process.env[DATABASE_IMAGE_ENV] = image;
  return () => rmSync(image, { force: true });
}
