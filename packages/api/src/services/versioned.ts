import { type DB, dataVersion } from "@realise/db";
import type { Kysely } from "kysely";
import { keep, touch } from "../lib/recently-used.js";
import { requestDataVersion } from "./request-versions.js";

/** How many results each database keeps (the national views with their filters, the latest of each). */
const KEPT = 256;

interface Kept {
  version: string;
  value: Promise<unknown>;
}

// Per database handle: two databases (tests, a restore) never share results, even at the same version.
const keptBy = new WeakMap<object, Map<string, Kept>>();

/**
 * A view's result for `key`, computed once per data version and reused by every request until any figure
 * changes (issue 18). Each call reads the version first, so it never serves a result older than the data
 * it has seen committed: whatever a write commits raises the version (migration 0019) and the next request
 * computes afresh, on every instance. The version is read before computing, so a result is at least as new
 * as the version it is kept under. Inside a transaction nothing is kept: the transaction could see its own
 * uncommitted changes, or roll back. Callers must treat the result as read-only (it is shared).
 */
export async function versioned<T>(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T> {
  if (db.isTransaction) return compute();
  const version = await (requestDataVersion(db) ?? dataVersion(db));
  let kept = keptBy.get(db);
  if (!kept) {
    kept = new Map();
    keptBy.set(db, kept);
  }
  const hit = kept.get(key);
  if (hit?.version === version) {
    touch(kept, key, hit);
    return hit.value as Promise<T>;
  }
  // Requests that miss together share one computation; a failure is not kept.
  const value = compute();
  const entry = { version, value };
  keep(kept, key, entry, KEPT);
  value.catch(() => {
    if (kept.get(key) === entry) kept.delete(key);
  });
  return value;
}
