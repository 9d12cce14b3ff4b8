import { AsyncLocalStorage } from "node:async_hooks";
import { type DB, versionsNow } from "@realise/db";
import type { Kysely } from "kysely";

interface Scope {
  db: Kysely<DB>;
  versions?: Promise<{ data: string; auth: string }>;
}

const scope = new AsyncLocalStorage<Scope>();

/**
 * Run a read-only request (a tRPC GET: queries only) with its data and account versions read together,
 * once, when it first needs either (issue 18): a request otherwise reads the account version to resolve
 * its caller and the data version for its view, two round trips where one will do. Both are read after the
 * request arrived, so whatever committed before it is seen. Never for a request that writes: it would keep
 * what it read before its own write.
 */
export function withRequestVersions<T>(db: Kysely<DB>, run: () => T): T {
  return scope.run({ db }, run);
}

function versions(db: Kysely<DB>) {
  const current = scope.getStore();
  if (!current || current.db !== db) return undefined;
  current.versions ??= versionsNow(db);
  return current.versions;
}

/** The request's data version, when the request reads them together and on this database; else undefined. */
export function requestDataVersion(db: Kysely<DB>): Promise<string> | undefined {
  return versions(db)?.then((v) => v.data);
}

/** The request's account version, on the same terms. */
export function requestAuthVersion(db: Kysely<DB>): Promise<string> | undefined {
  return versions(db)?.then((v) => v.auth);
}
