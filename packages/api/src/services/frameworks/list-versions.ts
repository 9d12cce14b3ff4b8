import { type DB, type FrameworkVersionSummary, listFrameworkVersionRows, summaryOf } from "@realise/db";
import type { Kysely } from "kysely";

/** Every framework version, newest first, without documents. */
export async function listFrameworkVersions(db: Kysely<DB>): Promise<FrameworkVersionSummary[]> {
  return (await listFrameworkVersionRows(db)).map(summaryOf);
}
