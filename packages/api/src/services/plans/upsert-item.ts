import { randomUUID } from "node:crypto";
import {
  adoptionLevels,
  currentFramework,
  type DB,
  findPlanItem,
  insertPlanItem,
  type PlanItemRow,
  planItems,
  updatePlanItem,
  writeAudit,
} from "@realise/db";
import {
  AppError,
  newPlanItemIssues,
  planItemIssues,
  planItemRuleIssues,
  type Principal,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { PlansUpsertItemInput } from "../../contracts/plans.js";
import { lockItemAt } from "./lock-item.js";
import { requirePlanningTrust } from "./require-trust.js";
import { trustWrite } from "../guards/trust-write.js";
import { today as clockToday } from "../clock.js";

/**
 * Add a plan item (no id, expected version 0) or change one (its id and the version read); a stale version
 * gets a conflict with what is there now. The plan's rules (a date not in the past, a target above the
 * level now, one open item per functionality and level) are checked against the plan as it is inside the
 * transaction. Audited in the same transaction.
 */
export async function upsertPlanItem(
  db: Kysely<DB>,
  input: PlansUpsertItemInput,
  actor: Principal,
  today = clockToday(),
): Promise<PlanItemRow> {
  const { odsCode, id, expectedVersion, ...fields } = input;
  return trustWrite(db, odsCode, async (trx) => {
    const framework = await currentFramework(trx);
    const trust = await requirePlanningTrust(trx, odsCode);
    const itemIssues = planItemIssues(framework, trust.trustType, fields);
    if (itemIssues.length > 0) throw AppError.invalid(itemIssues);
    const ruleIssues = async (before: PlanItemRow | null) => {
      const [levels, others] = await Promise.all([adoptionLevels(trx, odsCode), planItems(trx, odsCode)]);
      const issues = planItemRuleIssues({
        item: fields,
        before,
        functionalityName:
          framework.functionalities.find((f) => f.code === fields.functionalityCode)?.name ??
          fields.functionalityCode,
        currentLevel: levels.find((l) => l.functionalityCode === fields.functionalityCode)?.level ?? 0,
        today,
        others,
      });
      if (issues.length > 0) throw AppError.invalid(issues);
    };
    if (id === undefined) {
      const versionIssues = newPlanItemIssues(expectedVersion);
      if (versionIssues.length > 0) throw AppError.invalid(versionIssues);
      await ruleIssues(null);
      const newId = randomUUID();
      await insertPlanItem(trx, { id: newId, odsCode, fields, updatedBy: actor.email });
      const after = (await findPlanItem(trx, newId))!;
      await writeAudit(trx, actor, {
        action: "plan.create",
        entity: "plan_item",
        entityKey: newId,
        odsCode,
        before: null,
        after,
      });
      return after;
    }
    const before = await lockItemAt(trx, odsCode, id, expectedVersion);
    await ruleIssues(before);
    await updatePlanItem(trx, id, { fields, version: before.version + 1, updatedBy: actor.email });
    const after = (await findPlanItem(trx, id))!;
    await writeAudit(trx, actor, {
      action: "plan.update",
      entity: "plan_item",
      entityKey: id,
      odsCode,
      before,
      after,
    });
    return after;
  });
}
