import { type DB, frameworkVersionRow } from "@realise/db";
import type { Kysely } from "kysely";
import { detailOf, type FrameworkVersionDetail } from "./detail-of.js";

/** One version with its document and crosswalk. */
export async function frameworkVersionDetail(
  db: Kysely<DB>,
  input: { version: number },
): Promise<FrameworkVersionDetail> {
  return db
    .transaction()
    .execute(async (trx) => detailOf(trx, await frameworkVersionRow(trx, input.version)));
}
