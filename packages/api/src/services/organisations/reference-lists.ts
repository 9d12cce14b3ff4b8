import { type DB, referenceLists } from "@realise/db";
import type { Kysely } from "kysely";

/** Regions, ICBs in force at a date (today by default), and EPR suppliers: the values the filters offer. */
export async function organisationReferenceLists(db: Kysely<DB>, input: { asOf?: string | undefined } = {}) {
  return referenceLists(db, input.asOf);
}
