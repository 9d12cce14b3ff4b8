import { type DB, lockingReturn } from "@realise/db";
import { AppError } from "@realise/domain";
import { type Kysely, sql } from "kysely";

/**
 * The one guard every change to a trust's records goes through: adoption records, confirm-tier, benefit
 * lines and actuals, CSV imports and plan items. It opens the write's transaction, holds the trust's row
 * in share mode (so a submission, which holds it exclusively, waits for writes in flight and writes wait
 * for it), and refuses the write while a return locks the records. The message names the return and
 * what to do, in the words a trust lead uses.
 */
export async function trustWrite<T>(
  db: Kysely<DB>,
  odsCode: string,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const trust = await sql<{
      ods_code: string;
    }>`select ods_code from organisation where ods_code = ${odsCode} for share`.execute(trx);
    if (trust.rows.length === 0) throw AppError.notFound(`No trust has the ODS code ${odsCode}`);
    await assertRecordsOpen(trx, odsCode);
    return work(trx);
  });
}

/** Refuse when a return locks the trust's records (inside a transaction that already holds the trust). */
export async function assertRecordsOpen(trx: Kysely<DB>, odsCode: string): Promise<void> {
  const locked = await lockingReturn(trx, odsCode);
  if (!locked) return;
  throw AppError.state(
    locked.status === "accepted"
      ? `The return for ${locked.period} is accepted; records are locked until the national team unlocks it. Ask the national team to unlock the return if a value must change.`
      : `The return for ${locked.period} is ${locked.status}; records are locked until the national team returns or unlocks it. Your approver can withdraw the submission before it is reviewed.`,
  );
}
