import { type DB, queuedReturns } from "@realise/db";
import type { Kysely } from "kysely";
import type { ReturnsQueueInput } from "../../contracts/returns.js";

/** Returns awaiting validation (or in the state asked for), optionally for one period, oldest first. */
export async function returnQueue(db: Kysely<DB>, input: ReturnsQueueInput = {}) {
  return queuedReturns(db, input);
}
