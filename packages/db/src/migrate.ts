import { type Kysely, Migrator } from "kysely";
import { migrationProvider } from "./migrations/index.js";
import type { DB } from "./schema.js";

/** Bring the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    throw new Error(
      `Migration ${failed?.migrationName ?? ""} failed: ${String((error as Error).message ?? error)}`,
    );
  }
  return (results ?? []).map((r) => r.migrationName);
}
