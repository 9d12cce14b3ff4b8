import {
  currentFramework,
  type DB,
  deleteHandoff,
  handoffs,
  organisationExists,
  saveHandoff,
  writeAudit,
} from "@realise/db";
import { AppError, handoffState, type Principal, WHOLE_TRUST } from "@realise/domain";
import type { Kysely } from "kysely";
import type { HandoffMark } from "../../contracts/work.js";
import { trustWrite } from "../guards/trust-write.js";

async function checkTarget(trx: Kysely<DB>, input: HandoffMark) {
  if (!(await organisationExists(trx, input.odsCode)))
    throw AppError.notFound(`No trust has the ODS code ${input.odsCode}`);
  if (input.tier !== undefined) {
    const framework = await currentFramework(trx);
    if (!framework.tiers.some((t) => t.number === input.tier))
      throw AppError.field("tier", `The framework has no tier ${input.tier}`);
  }
  return input.tier ?? WHOLE_TRUST;
}

/**
 * An editor marks a tier, or the whole trust, ready for the approver for a period. Through the records
 * guard: once the return is submitted there is nothing left to hand over.
 */
export async function markReady(db: Kysely<DB>, input: HandoffMark, actor: Principal) {
  return trustWrite(db, input.odsCode, async (trx) => {
    const tier = await checkTarget(trx, input);
    const added = await saveHandoff(trx, {
      odsCode: input.odsCode,
      period: input.period,
      tier,
      markedBy: actor.email,
    });
    if (added)
      await writeAudit(trx, actor, {
        action: "handoff.ready",
        entity: "handoff",
        entityKey: `${input.odsCode}/${input.period}/${tier === WHOLE_TRUST ? "trust" : `tier ${tier}`}`,
        odsCode: input.odsCode,
        after: { ready: true },
      });
    return { tier: input.tier ?? null, ready: true };
  });
}

/** Take a "ready for approval" mark back (more work to do). */
export async function unmarkReady(db: Kysely<DB>, input: HandoffMark, actor: Principal) {
  return trustWrite(db, input.odsCode, async (trx) => {
    const tier = await checkTarget(trx, input);
    const removed = await deleteHandoff(trx, input.odsCode, input.period, tier);
    if (removed)
      await writeAudit(trx, actor, {
        action: "handoff.takeBack",
        entity: "handoff",
        entityKey: `${input.odsCode}/${input.period}/${tier === WHOLE_TRUST ? "trust" : `tier ${tier}`}`,
        odsCode: input.odsCode,
        before: { ready: true },
        after: { ready: false },
      });
    return { tier: input.tier ?? null, ready: false };
  });
}

/** What the team marked ready for a period, tier by tier, and what it did not. */
export async function handoffStatus(db: Kysely<DB>, input: { odsCode: string; period: string }) {
  return db.transaction().execute(async (trx) => {
    const [framework, rows] = await Promise.all([
      currentFramework(trx),
      handoffs(trx, input.odsCode, input.period),
    ]);
    return { period: input.period, ...handoffState(framework.tiers, rows) };
  });
}
