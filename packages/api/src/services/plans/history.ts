import { auditTrail, currentFramework, type DB } from "@realise/db";
import type { Kysely } from "kysely";
import type { PlansHistoryInput } from "../../contracts/plans.js";
import {
  asRecord,
  dateWords,
  fieldChanges,
  type HistoryEntry,
  LEVEL_WORDS,
  PLAN_STATUS_WORDS,
  labelWords,
  textWords,
} from "../history/words.js";
import { requirePlanningTrust } from "./require-trust.js";

/**
 * Every change to a trust's plan items, newest first, removed items included, each with before → after
 * in words and the functionality named. Read from the audit trail, so a removed item stays in the history.
 */
export async function planHistory(
  db: Kysely<DB>,
  input: PlansHistoryInput,
): Promise<{ entries: HistoryEntry[] }> {
  await requirePlanningTrust(db, input.odsCode);
  const [framework, rows] = await Promise.all([
    currentFramework(db),
    auditTrail(db, { entity: "plan_item", odsCode: input.odsCode, limit: 500 }),
  ]);
  const nameOf = new Map(framework.functionalities.map((f) => [f.code, f.name]));
  const functionality = (v: unknown) => `${String(v)} ${nameOf.get(String(v)) ?? ""}`.trim();
  const fields = [
    ["functionalityCode", "Functionality", functionality],
    ["targetLevel", "Target level", (v: unknown) => labelWords(LEVEL_WORDS, v)],
    ["targetDate", "Target date", dateWords],
    ["owner", "Owner", textWords],
    ["status", "Status", (v: unknown) => labelWords(PLAN_STATUS_WORDS, v)],
  ] as const;
  const entries = rows.map((row): HistoryEntry => {
    const before = asRecord(row.before);
    const after = asRecord(row.after);
    const item = after ?? before;
    const subject = functionality(item?.functionalityCode ?? "");
    const step = `${subject} to L${String(item?.targetLevel ?? "?")} by ${dateWords(item?.targetDate)}`;
    const base = { id: String(row.id), at: new Date(row.at).toISOString(), by: row.actorEmail, subject };
    if (row.action === "plan.create") {
      return { ...base, summary: `Added a plan item: ${step}`, changes: fieldChanges(null, after, fields) };
    }
    if (row.action === "plan.remove") {
      return {
        ...base,
        summary: `Removed the plan item: ${step}`,
        changes: fieldChanges(before, null, fields),
      };
    }
    return {
      ...base,
      summary: `Changed the plan item for ${subject}`,
      changes: fieldChanges(before, after, fields),
    };
  });
  return { entries };
}
