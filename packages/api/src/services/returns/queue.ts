import { type DB, queuedReturns } from "@realise/db";
import type { Kysely } from "kysely";

/** Returns awaiting validation (or in the state asked for), optionally for one period, oldest first. */
export async function returnQueue(
  db: Kysely<DB>,
  input: { period?: string | undefined; status?: string | undefined } = {},
) {
  const filter: { period?: string; status?: string } = {};
  if (input.period) filter.period = input.period;
  if (input.status) filter.status = input.status;
  return queuedReturns(db, filter);
}
