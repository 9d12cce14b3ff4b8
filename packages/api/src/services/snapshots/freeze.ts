import {
  copyIntoSnapshot,
  currentFrameworkVersion,
  type DB,
  deleteSnapshot,
  listSnapshots,
  lockSnapshots,
  publishSnapshotRows,
  snapshotHeader,
  snapshotTrustCount,
  writeAudit,
} from "@realise/db";
import { AppError, assertFreezable, membershipDate, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { SnapshotsPeriodInput } from "../../contracts/snapshots.js";

/**
 * Freeze a period: copy every trust's registry facts, tier and adoption levels into the snapshot tables
 * and publish it, with its audit row, in one transaction. A published period is never frozen again (the
 * database refuses changes to it too), so the official figures cannot move.
 */
export async function freezeSnapshot(db: Kysely<DB>, input: SnapshotsPeriodInput, actor: Principal) {
  const { period } = input;
  const icbAsOf = membershipDate(period);
  return db.transaction().execute(async (trx) => {
    await lockSnapshots(trx);
    // Read after the lock, so a freeze that queued behind a publish records the new version.
    const frameworkVersion = await currentFrameworkVersion(trx);
    const existing = await snapshotHeader(trx, period);
    assertFreezable(period, existing?.status);
    if (existing) await deleteSnapshot(trx, period);
    await copyIntoSnapshot(trx, { period, frameworkVersion, frozenBy: actor.email, icbAsOf });
    await publishSnapshotRows(trx, period);
    const trusts = await snapshotTrustCount(trx, period);
    await writeAudit(trx, actor, {
      action: "snapshot.freeze",
      entity: "snapshot",
      entityKey: period,
      before: existing ? { status: existing.status } : null,
      after: { status: "published", frameworkVersion, trusts, icbAsOf },
    });
    const row = (await listSnapshots(trx)).find((s) => s.period === period);
    if (!row) throw AppError.notFound(`No snapshot for ${period}`);
    return row;
  });
}
