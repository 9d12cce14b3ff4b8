import { randomBytes } from "node:crypto";
import pg from "pg";

/** Engines the suites run on: always PGlite, and real PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Array<{ engine: "pglite" | "postgres"; url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [{ engine: "pglite" }, { engine: "postgres", url }] : [{ engine: "pglite" }];
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A throw-away database on the server named by `url`, so parallel test files never share state.
 * With `template`, the new database is a copy of that one (PostgreSQL copies files: fast).
 */
export async function createScratchDatabase(
  url: string,
  options: { template?: string; prefix?: string } = {},
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${options.prefix ?? "realise_t"}_${randomBytes(5).toString("hex")}`;
  const template = options.template ? ` template "${options.template}"` : "";
  await adminQuery(url, `create database "${name}"${template}`);
  return {
    url: withDatabase(url, name),
    name,
    drop: () => adminQuery(url, `drop database if exists "${name}" with (force)`),
  };
}
