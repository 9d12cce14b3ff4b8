import { type DB, deletePlanItem, writeAudit } from "@realise/db";
import type { Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { PlansRemoveItemInput } from "../../contracts/plans.js";
import { lockItemAt } from "./lock-item.js";
import { trustWrite } from "../guards/trust-write.js";

/**
 * Remove a plan item at the version read; a stale version gets a conflict with what is there now. The
 * item leaves the plan and its forecasts; its audit row keeps it, so `plans.history` still shows it.
 */
export async function removePlanItem(
  db: Kysely<DB>,
  input: PlansRemoveItemInput,
  actor: Principal,
): Promise<{ removed: string }> {
  return trustWrite(db, input.odsCode, async (trx) => {
    const before = await lockItemAt(trx, input.odsCode, input.id, input.expectedVersion);
    await deletePlanItem(trx, input.id);
    await writeAudit(trx, actor, {
      action: "plan.remove",
      entity: "plan_item",
      entityKey: input.id,
      odsCode: input.odsCode,
      before,
      after: null,
    });
    return { removed: input.id };
  });
}
