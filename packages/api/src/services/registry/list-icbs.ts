import { allIcbs, type DB } from "@realise/db";
import type { Kysely } from "kysely";

/** Every ICB, past and present, for the membership editor. */
export async function listIcbs(db: Kysely<DB>) {
  return allIcbs(db);
}
