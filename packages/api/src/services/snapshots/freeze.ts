import {
  type DB,
  deleteSnapshot,
  listSnapshots,
  lockSnapshots,
  publishSnapshotRows,
  snapshotHeader,
  writeAudit,
} from "@realise/db";
import { AppError, assertFreezable, freezeRefusal, nothingToFreeze, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { SnapshotsFreezeInput } from "../../contracts/snapshots.js";
import { today } from "../clock.js";
import { returnCountsFor, writeOfficialSnapshot } from "./official.js";

/**
 * Freeze a period's official figures: only once the period has ended, only from accepted returns, and
 * only when the national team confirms the counts it was shown (a return accepted since the confirmation
 * screen was drawn means the figures differ: look again). Published in one transaction with its audit
 * row; the database refuses any later change to it.
 */
export async function freezeSnapshot(db: Kysely<DB>, input: SnapshotsFreezeInput, actor: Principal) {
  const { period } = input;
  const refusal = freezeRefusal(period, today());
  if (refusal) throw AppError.state(refusal);
  return db.transaction().execute(async (trx) => {
    await lockSnapshots(trx);
    const existing = await snapshotHeader(trx, period);
    assertFreezable(period, existing?.status);
    const counts = await returnCountsFor(trx, period);
    const empty = nothingToFreeze(period, counts.accepted ?? 0);
    if (empty) throw AppError.state(empty);
    if (input.expectedAccepted !== undefined) {
      if (counts.accepted !== input.expectedAccepted)
        throw AppError.conflict(
          `The accepted returns for ${period} changed since you checked them (now ${counts.accepted}, you saw ${input.expectedAccepted}): check the counts again`,
          counts,
        );
    }
    if (existing) await deleteSnapshot(trx, period);
    const written = await writeOfficialSnapshot(trx, period, actor.email);
    await publishSnapshotRows(trx, period);
    await writeAudit(trx, actor, {
      action: "snapshot.freeze",
      entity: "snapshot",
      entityKey: period,
      before: existing ? { status: existing.status } : null,
      after: {
        status: "published",
        frameworkVersion: written.frameworkVersion,
        trusts: written.trusts,
        returns: written.counts,
      },
    });
    const row = (await listSnapshots(trx)).find((s) => s.period === period);
    if (!row) throw AppError.notFound(`No snapshot for ${period}`);
    return row;
  });
}
