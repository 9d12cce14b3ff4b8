import { type DB, returnsFor } from "@realise/db";
import type { Kysely } from "kysely";

/** The trust's returns and their states, newest period first. */
export async function returnsForOrganisation(db: Kysely<DB>, input: { odsCode: string }) {
  return returnsFor(db, input.odsCode);
}
