import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { DB } from "./schema.js";

/** PostgreSQL's DATE type. Both drivers would turn it into a JS Date at local midnight, which shifts by a
 * day when the server's zone is ahead of UTC (BST); a calendar date stays the text PostgreSQL sends. */
const DATE_OID = 1082;
const keepText = (value: string) => value;

/** Which PostgreSQL engine a database handle talks to. */
export type Engine = "pglite" | "postgres";

/** A database handle: the Kysely instance, its engine, and how to close it. */
export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Cheap round trip used by /readyz; throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The embedded instance, when the engine is PGlite (used to dump a test template). */
  pglite?: PGlite;
}

export interface DatabaseOptions {
  /** postgres://… URL; when absent the embedded engine is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; absent means in memory. Ignored when databaseUrl is set. */
  dataDir?: string | undefined;
  /** Pool size for pg. */
  poolSize?: number;
  /** pg: longest a statement may run before PostgreSQL cancels it (the server sets 10 s; tools none). */
  statementTimeoutMs?: number;
  /** Start an embedded engine from a dumped data folder image (fast test start). */
  loadDataDir?: Blob | File | undefined;
}

/**
 * The embedded database as `pnpm build` leaves it (scripts/pglite-template.mjs): initialised and
 * migrated, nothing else. Absent when the package has not been built that way (tests from source).
 */
export const PGLITE_TEMPLATE = fileURLToPath(new URL("./pglite-template.tar.gz", import.meta.url));

/** The template for a data folder PostgreSQL has never been started in, when the build made one. */
function templateFor(dataDir: string): Blob | undefined {
  if (existsSync(join(dataDir, "PG_VERSION")) || !existsSync(PGLITE_TEMPLATE)) return undefined;
  return new Blob([readFileSync(PGLITE_TEMPLATE)]);
}

/** Open a database: real PostgreSQL through pg when a URL is given, otherwise embedded PGlite. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 3_000,
      // A time limit on each statement, so one request cannot hold a connection for long: PostgreSQL
      // cancels the statement (57014) and the request answers 503. PGlite has no such limit: it runs one
      // query at a time in this process, so a slow query there delays the others rather than a pool slot.
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          oid === DATE_OID
            ? keepText
            : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    // A checked-out client whose server goes away emits "error" too; unheard, that would end the process.
    // The query in flight still fails (and the request answers 503); the pool then drops the client.
    pool.on("connect", (client) => client.on("error", () => {}));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: "postgres",
      async ping() {
        const client = await pool.connect();
        try {
          await client.query("select 1");
        } finally {
          client.release();
        }
      },
      close: () => db.destroy(),
    };
  }
  const loadDataDir = options.loadDataDir ?? (options.dataDir ? templateFor(options.dataDir) : undefined);
  const pglite = await PGlite.create({
    parsers: { [DATE_OID]: keepText },
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: "pglite",
    pglite,
    async ping() {
      await pglite.query("select 1");
    },
    close: () => db.destroy(),
  };
}
