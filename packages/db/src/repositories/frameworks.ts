import { AppError, type Framework, FrameworkSchema } from "@realise/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

// A published version never changes, so its parsed document is kept. The key is the version and a digest
// of its document computed by the database: it works inside transactions (each a new Kysely object) and
// can never serve one database's version 3 to another database, while the 60 kB document is neither sent
// nor parsed again.
const frozen = new Map<string, Framework>();

/** A framework version's document, validated by the domain schema. */
export async function frameworkVersion(db: Kysely<DB>, version: number): Promise<Framework> {
  const head = await db
    .selectFrom("framework_version")
    .select(["version", "status", "digest"])
    .where("version", "=", version)
    .executeTakeFirst();
  if (!head) throw AppError.notFound(`Framework version ${version} does not exist`);
  return frameworkOf(db, head);
}

/** The parsed document of the version `head` names: kept when published, read and parsed otherwise. */
async function frameworkOf(
  db: Kysely<DB>,
  head: { version: number; status: string; digest: string },
): Promise<Framework> {
  const key = `${head.version}:${head.digest}`;
  const cached = head.status === "published" ? frozen.get(key) : undefined;
  if (cached) return cached;
  const row = await db
    .selectFrom("framework_version")
    .select(["document", "status"])
    .where("version", "=", head.version)
    .executeTakeFirstOrThrow();
  const document = typeof row.document === "string" ? JSON.parse(row.document) : row.document;
  const framework = FrameworkSchema.parse({ ...document, status: row.status });
  if (row.status === "published") frozen.set(key, framework);
  return framework;
}

/** The number of the framework version in force: the newest published one. */
export async function currentFrameworkVersion(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom("framework_version")
    .select("version")
    .where("status", "=", "published")
    .orderBy("version", "desc")
    .executeTakeFirst();
  if (!row) throw AppError.notFound("No framework version has been published");
  return row.version;
}

/** The framework in force: one query while its parsed document is kept (every write asks). */
export async function currentFramework(db: Kysely<DB>): Promise<Framework> {
  const head = await db
    .selectFrom("framework_version")
    .select(["version", "status", "digest"])
    .where("status", "=", "published")
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!head) throw AppError.notFound("No framework version has been published");
  return frameworkOf(db, head);
}

/** Forget a cached document (a version changed status). The digest key makes this a tidy-up, not a need. */
export function forgetFramework(_db: Kysely<DB>, version: number): void {
  for (const key of frozen.keys()) if (key.startsWith(`${version}:`)) frozen.delete(key);
}
