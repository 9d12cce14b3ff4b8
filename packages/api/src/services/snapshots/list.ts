import { type DB, listSnapshots } from "@realise/db";
import type { Kysely } from "kysely";

/** Every frozen snapshot, newest first. */
export async function frozenSnapshots(db: Kysely<DB>) {
  return listSnapshots(db);
}
