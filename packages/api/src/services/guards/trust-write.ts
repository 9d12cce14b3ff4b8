import { type DB, lockingReturn } from "@realise/db";
import { AppError, assertRecordsEditable, lockedDetail } from "@realise/domain";
import { type Kysely, sql } from "kysely";

/** The trust a write holds, as the guard read it while taking the hold. */
export interface WrittenTrust {
  odsCode: string;
  trustType: string;
}

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
  work: (trx: Kysely<DB>, trust: WrittenTrust) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const trust = await sql<{
      trust_type: string;
    }>`select trust_type from organisation where ods_code = ${odsCode} for share`.execute(trx);
    const row = trust.rows[0];
    if (!row) throw AppError.notFound(`No trust has the ODS code ${odsCode}`);
    // A statement of its own, after the lock: a submission that held the trust has committed by now, and
    // only a new statement's snapshot sees its return.
    await assertRecordsOpen(trx, odsCode);
    return work(trx, { odsCode, trustType: row.trust_type });
  });
}

/** Refuse when a return locks the trust's records (inside a transaction that already holds the trust). */
export async function assertRecordsOpen(trx: Kysely<DB>, odsCode: string): Promise<void> {
  const locked = await lockingReturn(trx, odsCode);
  if (locked) assertRecordsEditable(locked, lockedDetail(locked));
}
