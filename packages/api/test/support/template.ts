import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database, migrateToLatest, seedIfEmpty } from "@realise/db";
import { createScratchDatabase } from "@realise/db/testing";
import { createAuth, migrateAuth } from "../../src/auth/auth.js";
import { seedDemoAccounts } from "../../src/seed/demo-accounts.js";
import { seedDemoReturns } from "../../src/seed/demo-returns.js";

export const TEST_ORIGIN = "http://localhost:3999";
export const TEST_SECRET = "test-secret-test-secret-test-secret-0123456789";

/** Migrate and seed (reference, framework, demo adoption, demo accounts) one database. */
export async function prepare(database: Database): Promise<void> {
  await migrateToLatest(database.db);
  await seedIfEmpty(database.db, { demo: true });
  const auth = createAuth(database, { baseURL: TEST_ORIGIN, secret: TEST_SECRET });
  await migrateAuth(auth, database);
  await seedDemoAccounts(database, auth);
  await seedDemoReturns(database);
}

/** A seeded PGlite image on disk; each test file loads a copy in well under a second. */
export async function buildPgliteTemplate(): Promise<string> {
  const database = await createDatabase();
  await prepare(database);
  const blob = await database.pglite!.dumpDataDir("gzip");
  const file = join(tmpdir(), `realise-template-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  return file;
}

/** A seeded template database on the real server; each test file gets a copy. */
export async function buildPostgresTemplate(url: string) {
  const scratch = await createScratchDatabase(url, { prefix: "realise_tpl" });
  const database = await createDatabase({ databaseUrl: scratch.url, poolSize: 2 });
  await prepare(database);
  await database.close();
  return scratch;
}
