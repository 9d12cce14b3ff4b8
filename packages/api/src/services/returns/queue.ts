import { type DB, queuedReturns } from "@realise/db";
import type { Kysely } from "kysely";

/** Returns awaiting validation (or in the state asked for), optionally for one period, oldest first. */
export async function returnQueue(
  db: Kysely<DB>,
  input: { period?: string | undefined; status?: string | undefined } = {},
) {
  return queuedReturns(db, input);
}
