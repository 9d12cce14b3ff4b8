import { type BenefitLineRow, benefitLines, type DB, lockBenefitLine } from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";

/**
 * Lock a trust's line for the rest of the transaction and return it as it is; a stale version is refused
 * with what is there now, so the second of two editors never overwrites the first. A withdrawn line is
 * kept for the history only and refuses every change.
 */
export async function lockLineAt(
  trx: Kysely<DB>,
  odsCode: string,
  id: string,
  expectedVersion: number,
): Promise<BenefitLineRow> {
  const version = await lockBenefitLine(trx, odsCode, id);
  if (version === undefined) throw AppError.notFound(`Trust ${odsCode} has no benefit line ${id}`);
  const [before] = await benefitLines(trx, odsCode, [id], "include");
  if (version !== expectedVersion) {
    throw AppError.conflict(
      `Someone else changed this benefit line (now version ${version}, you edited version ${expectedVersion}); review their change and try again`,
      before ?? null,
    );
  }
  if (before?.withdrawn) {
    throw AppError.state(
      `“${before.title}” was withdrawn from the register, so it can no longer be changed; add a new benefit instead`,
    );
  }
  return before!;
}
