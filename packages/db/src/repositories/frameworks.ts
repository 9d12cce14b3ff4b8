import { AppError, type Framework, FrameworkSchema } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

// A published version never changes, so its parsed document can be kept, per database, by version number.
const frozenByDb = new WeakMap<object, Map<number, Framework>>();
function frozenFor(db: Kysely<DB>): Map<number, Framework> {
  let map = frozenByDb.get(db);
  if (!map) {
    map = new Map();
    frozenByDb.set(db, map);
  }
  return map;
}

/** A framework version's document, validated by the domain schema. */
export async function frameworkVersion(db: Kysely<DB>, version: number): Promise<Framework> {
  const frozen = frozenFor(db);
  const cached = frozen.get(version);
  if (cached) return cached;
  const row = await db
    .selectFrom("framework_version")
    .select(["document", "status"])
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) throw AppError.notFound(`Framework version ${version} does not exist`);
  const document = typeof row.document === "string" ? JSON.parse(row.document) : row.document;
  const framework = FrameworkSchema.parse({ ...document, status: row.status });
  if (row.status === "published") frozen.set(version, framework);
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

/** The framework in force. */
export async function currentFramework(db: Kysely<DB>): Promise<Framework> {
  return frameworkVersion(db, await currentFrameworkVersion(db));
}

/** Forget a cached document (a version changed status). */
export function forgetFramework(db: Kysely<DB>, version: number): void {
  frozenFor(db).delete(version);
}
