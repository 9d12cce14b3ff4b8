import { assessableRecordsByTrust, currentFramework, type DB, planItems } from "@realise/db";
import { itemProgress, type TrustType } from "@realise/domain";
import type { Kysely } from "kysely";
import type { PlansListInput } from "../../contracts/plans.js";
import { requirePlanningTrust } from "./require-trust.js";
import { today as clockToday } from "../clock.js";

/** A trust's plan: its items with where each stands, and the framework's functionalities to plan. */
export async function trustPlan(db: Kysely<DB>, input: PlansListInput, today = clockToday()) {
  const trust = await requirePlanningTrust(db, input.odsCode);
  const [framework, records, items] = await Promise.all([
    currentFramework(db),
    assessableRecordsByTrust(db, input.odsCode),
    planItems(db, input.odsCode),
  ]);
  const level = new Map((records.get(input.odsCode) ?? []).map((r) => [r.functionalityCode, r.level]));
  return {
    today,
    items: items.map((item) => ({
      ...item,
      ...itemProgress(item, level.get(item.functionalityCode) ?? 0, today),
    })),
    functionalities: framework.functionalities
      .filter((f) => f.appliesTo.includes(trust.trustType as TrustType))
      .map((f) => ({ code: f.code, name: f.name, tier: f.tier, level: level.get(f.code) ?? 0 })),
    milestones: framework.milestones,
  };
}
