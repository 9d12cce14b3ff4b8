import { afterAll, beforeAll } from "vitest";
import { createDatabase, type Database, migrateToLatest, seedReference } from "../src/index.js";
import { createScratchDatabase } from "../src/testing.js";

/**
 * A migrated database for one describe block: a scratch database on the PostgreSQL server at `url`, or
 * embedded PGlite without one; with `seed`, the reference data too. Read `.database` inside the tests.
 */
export function useMigratedDatabase(url: string | undefined, options: { seed?: boolean } = {}) {
  const handle = {} as { database: Database };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (url) {
      const scratch = await createScratchDatabase(url);
      drop = scratch.drop;
      handle.database = await createDatabase({ databaseUrl: scratch.url });
    } else {
      handle.database = await createDatabase();
    }
    await migrateToLatest(handle.database.db);
    if (options.seed) await seedReference(handle.database.db);
  });
  afterAll(async () => {
    await handle.database?.close();
    await drop?.();
  });
  return handle;
}
