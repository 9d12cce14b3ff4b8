import type { Framework } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/** Write a framework version as a document row; the default framework goes in as version 1, published. */
export async function insertFrameworkVersion(db: Kysely<DB>, framework: Framework): Promise<void> {
  await db
    .insertInto("framework_version")
    .values({
      version: framework.version,
      name: framework.name,
      status: framework.status,
      effective_from: framework.effectiveFrom,
      document: JSON.stringify(framework),
      published_at: framework.status === "published" ? new Date() : null,
    })
    .execute();
}
