import { type DB, lockPlanItem, type PlanItemRow } from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";

/**
 * Lock a trust's plan item for the rest of the transaction and return it as it is; a stale version is
 * refused with what is there now, so the second of two editors never overwrites the first.
 */
export async function lockItemAt(
  trx: Kysely<DB>,
  odsCode: string,
  id: string,
  expectedVersion: number,
): Promise<PlanItemRow> {
  const before = await lockPlanItem(trx, odsCode, id);
  if (!before) throw AppError.notFound(`Trust ${odsCode} has no plan item ${id}`);
  if (before.version !== expectedVersion) {
    throw AppError.conflict(
      `Someone else changed this plan item (now version ${before.version}, you edited version ${expectedVersion}); review their change and try again`,
      before,
    );
  }
  return before;
}
