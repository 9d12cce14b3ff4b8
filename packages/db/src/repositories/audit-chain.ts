import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

export interface ChainCheck {
  ok: boolean;
  rowsChecked: number;
  headSeq: string | null;
  headHash: string | null;
  /** The id of the first audit row that does not match, and why. */
  firstBadId: string | null;
  problem: string | null;
}

const GENESIS = "0".repeat(64);
const PAGE = 5000;

/**
 * Walk the whole audit chain in sequence order: each row's hash must be the hash of its content and the
 * previous row's hash, its previous hash the row before's, the sequence without gaps, and the head where
 * the last row is. Reads page by page, so the chain may be long.
 */
export async function checkAuditChain(db: Kysely<DB>): Promise<ChainCheck> {
  let previous = GENESIS;
  let expectedSeq = 1n;
  let checked = 0;
  let last: { seq: string; hash: string } | null = null;
  const bad = (id: string, problem: string): ChainCheck => ({
    ok: false,
    rowsChecked: checked,
    headSeq: last?.seq ?? null,
    headHash: last?.hash ?? null,
    firstBadId: id,
    problem,
  });
  // Rows are linked as their transaction commits (migration 0020): a committed row without a link was
  // slipped past the trigger.
  const unlinked = await db
    .selectFrom("audit_log")
    .select(sql<string>`id::text`.as("id"))
    .where("chain_seq", "is", null)
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  if (unlinked)
    return bad(unlinked.id, "it is not linked into the chain (it went round the chain's trigger)");
  for (;;) {
    const rows = (
      await sql<{
        id: string;
        chain_seq: string;
        prev_hash: string | null;
        row_hash: string;
        expected: string;
      }>`
        select a.id::text as id, a.chain_seq::text as chain_seq, a.prev_hash, a.row_hash,
          audit_row_hash(a) as expected
        from audit_log a where a.chain_seq >= ${String(expectedSeq)}::bigint
        order by a.chain_seq limit ${PAGE}`.execute(db)
    ).rows;
    for (const row of rows) {
      if (BigInt(row.chain_seq) !== expectedSeq)
        return bad(row.id, `sequence ${expectedSeq} is missing (a row was removed before row ${row.id})`);
      if (row.prev_hash !== previous)
        return bad(
          row.id,
          "its previous hash does not match the row before it (a row was removed or changed)",
        );
      if (row.row_hash !== row.expected)
        return bad(row.id, "its content does not match its hash (it was changed)");
      previous = row.row_hash;
      last = { seq: row.chain_seq, hash: row.row_hash };
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  const head = await db
    .selectFrom("audit_chain_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .executeTakeFirst();
  if (head && (String(head.seq) !== (last?.seq ?? "0") || head.hash !== previous))
    return bad(
      last ? "(end)" : "(none)",
      `the chain ends at ${last?.seq ?? 0} but its head says ${head.seq}`,
    );
  return {
    ok: true,
    rowsChecked: checked,
    headSeq: last?.seq ?? null,
    headHash: last?.hash ?? null,
    firstBadId: null,
    problem: null,
  };
}

export async function recordAuditVerification(db: Kysely<DB>, check: ChainCheck): Promise<void> {
  await db
    .insertInto("audit_verification")
    .values({
      ok: check.ok,
      rows_checked: check.rowsChecked,
      head_seq: check.headSeq,
      head_hash: check.headHash,
      first_bad_id: check.firstBadId,
      problem: check.problem,
    })
    .execute();
}

export interface AuditVerification {
  at: Date;
  ok: boolean;
  rowsChecked: number;
  firstBadId: string | null;
  problem: string | null;
}

/** The last verification of the chain, or null when it was never verified. */
export async function lastAuditVerification(db: Kysely<DB>): Promise<AuditVerification | null> {
  const row = await db
    .selectFrom("audit_verification")
    .select(["at", "ok", "rows_checked", "first_bad_id", "problem"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    at: new Date(row.at),
    ok: row.ok,
    rowsChecked: Number(row.rows_checked),
    firstBadId: row.first_bad_id,
    problem: row.problem,
  };
}
