import { type DB, returnWithPayload } from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";

/** One return with the values it froze; NOT_FOUND when the trust has none for the period. */
export async function returnDetail(db: Kysely<DB>, input: { odsCode: string; period: string }) {
  const row = await returnWithPayload(db, input.odsCode, input.period);
  if (!row) throw AppError.notFound(`Trust ${input.odsCode} has no return for ${input.period}`);
  return row;
}
