import {
  type DB,
  findReturn,
  lockReturn,
  saveReturnDecision,
  setValidationState,
  writeAudit,
} from "@realise/db";
import {
  AppError,
  assertReturnVersion,
  type Principal,
  type ReturnDecision,
  recordsOnDecision,
  returnTransition,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { ReturnsDecisionInput } from "../../contracts/returns.js";

/**
 * The national team's decision on a return (accept, send back, unlock), with its comment and audit row;
 * the trust's records take the validation state the decision gives them, in the same transaction.
 */
export async function decideReturn(
  db: Kysely<DB>,
  input: ReturnsDecisionInput & { decision: ReturnDecision },
  actor: Principal,
) {
  const { odsCode, period } = input;
  // An empty comment is no comment.
  const comment = input.comment || null;
  return db.transaction().execute(async (trx) => {
    const existing = await lockReturn(trx, odsCode, period);
    if (!existing) throw AppError.notFound(`Trust ${odsCode} has no return for ${period}`);
    assertReturnVersion(existing, input.expectedVersion);
    const to = returnTransition(existing.status, input.decision);
    await saveReturnDecision(
      trx,
      { odsCode, period },
      { status: to, decidedBy: actor.email, comment, version: existing.version + 1 },
    );
    await writeAudit(trx, actor, {
      action: `return.${input.decision}`,
      entity: "trust_return",
      entityKey: `${odsCode}/${period}`,
      odsCode,
      before: { status: existing.status },
      after: { status: to, comment },
    });
    const records = recordsOnDecision(to);
    if (records) await setValidationState(trx, odsCode, records.validationState, records.keep);
    const stored = await findReturn(trx, odsCode, period);
    if (!stored) throw new Error(`The return for ${odsCode} ${period} was not stored`);
    return stored;
  });
}
