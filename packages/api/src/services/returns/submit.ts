import {
  type DB,
  findCollection,
  findReturn,
  insertReturn,
  insertSubmission,
  lockReturn,
  lockTrustForSubmission,
  resubmitReturn,
  setReturnSubmission,
  writeAudit,
} from "@realise/db";
import { AppError, assertCollectionOpen, assertSubmittable, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { ReturnsSubmitInput } from "../../contracts/returns.js";
import { today } from "../clock.js";
import { copyForSubmission } from "./submission-copy.js";

/**
 * Submit a trust's return for a period with a collection: an immutable copy of its records, register and
 * plan is stored with its digest, under the collection's framework version, and the records lock until
 * the national team decides (or the approver withdraws the submission).
 */
export async function submitReturn(db: Kysely<DB>, input: ReturnsSubmitInput, actor: Principal) {
  const { odsCode, period } = input;
  return db.transaction().execute(async (trx) => {
    // Writes to the trust's records hold its row in share mode: this waits for them, and they for this.
    if (!(await lockTrustForSubmission(trx, odsCode)))
      throw AppError.notFound(`No trust has the ODS code ${odsCode}`);
    const existing = await lockReturn(trx, odsCode, period);
    const collection = await findCollection(trx, period);
    assertCollectionOpen(period, collection, today());
    assertSubmittable(period, existing?.status);
    const frameworkVersion = collection!.frameworkVersion;
    const copy = await copyForSubmission(trx, odsCode, period, frameworkVersion);
    const submission = { odsCode, period, frameworkVersion, payload: copy.content, submittedBy: actor.email };
    if (existing) await resubmitReturn(trx, submission, existing.version + 1);
    else await insertReturn(trx, submission);
    const seq = await insertSubmission(trx, {
      odsCode,
      period,
      frameworkVersion,
      contentJson: copy.contentJson,
      digest: copy.digest,
      submittedBy: actor.email,
    });
    await setReturnSubmission(trx, odsCode, period, seq);
    await writeAudit(trx, actor, {
      action: "return.submit",
      entity: "trust_return",
      entityKey: `${odsCode}/${period}`,
      odsCode,
      before: existing ? { status: existing.status } : null,
      after: {
        status: "submitted",
        submission: seq,
        digest: copy.digest,
        records: copy.content.records.length,
        benefitLines: copy.content.benefits.length,
        planItems: copy.content.plan.length,
      },
    });
    const stored = await findReturn(trx, odsCode, period);
    if (!stored) throw new Error(`The return for ${odsCode} ${period} was not stored`);
    return { ...stored, submission: seq, digest: copy.digest };
  });
}
