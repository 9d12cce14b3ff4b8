import {
  adoptionRecords,
  currentFrameworkVersion,
  type DB,
  findReturn,
  insertReturn,
  lockReturn,
  resubmitReturn,
  writeAudit,
} from "@realise/db";
import { assertSubmittable, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { ReturnsSubmitInput } from "../../contracts/returns.js";

/**
 * Submit a trust's return for a period: its current records are frozen into the return, under the
 * framework in force, which then locks editing until the national team decides.
 */
export async function submitReturn(db: Kysely<DB>, input: ReturnsSubmitInput, actor: Principal) {
  const { odsCode, period } = input;
  return db.transaction().execute(async (trx) => {
    const existing = await lockReturn(trx, odsCode, period);
    // Read after the lock, so a submission that queued behind a publish records the new version.
    const frameworkVersion = await currentFrameworkVersion(trx);
    assertSubmittable(period, existing?.status);
    const records = await adoptionRecords(trx, odsCode);
    const submission = { odsCode, period, frameworkVersion, payload: { records }, submittedBy: actor.email };
    if (existing) await resubmitReturn(trx, submission, existing.version + 1);
    else await insertReturn(trx, submission);
    await writeAudit(trx, actor, {
      action: "return.submit",
      entity: "trust_return",
      entityKey: `${odsCode}/${period}`,
      odsCode,
      before: existing ? { status: existing.status } : null,
      after: { status: "submitted", records: records.length },
    });
    const stored = await findReturn(trx, odsCode, period);
    if (!stored) throw new Error(`The return for ${odsCode} ${period} was not stored`);
    return stored;
  });
}
