import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

/** What can be assigned to a colleague. */
export type AssignmentKind = "functionality" | "tier" | "benefit_line" | "plan_item";

export interface AssignmentRow {
  odsCode: string;
  kind: AssignmentKind;
  key: string;
  assigneeUserId: string;
  assigneeName: string;
  assigneeEmail: string;
  assignedBy: string;
  assignedAt: Date;
}

const assignmentSelect = (db: Kysely<DB>) =>
  db
    .selectFrom("assignment as a")
    .innerJoin("user as u", "u.id", "a.assignee_user_id")
    .select([
      "a.ods_code as odsCode",
      "a.subject_kind as kind",
      "a.subject_key as key",
      "a.assignee_user_id as assigneeUserId",
      "u.name as assigneeName",
      "u.email as assigneeEmail",
      "a.assigned_by as assignedBy",
      "a.assigned_at as assignedAt",
    ])
    .$narrowType<{ kind: AssignmentKind }>();

/** A trust's assignments, or one assignee's (across their trust). */
export async function assignments(
  db: Kysely<DB>,
  filter: { odsCode?: string; assigneeUserId?: string },
): Promise<AssignmentRow[]> {
  let q = assignmentSelect(db).orderBy("a.subject_kind").orderBy("a.subject_key");
  if (filter.odsCode) q = q.where("a.ods_code", "=", filter.odsCode);
  if (filter.assigneeUserId) q = q.where("a.assignee_user_id", "=", filter.assigneeUserId);
  return q.execute();
}

/** The assignment of one subject, locked, if any. */
export async function lockAssignment(db: Kysely<DB>, odsCode: string, kind: AssignmentKind, key: string) {
  return db
    .selectFrom("assignment")
    .select(["assignee_user_id as assigneeUserId", "assigned_by as assignedBy"])
    .where("ods_code", "=", odsCode)
    .where("subject_kind", "=", kind)
    .where("subject_key", "=", key)
    .forUpdate()
    .executeTakeFirst();
}

/** Give a subject to an assignee (replacing whoever had it). */
export async function saveAssignment(
  db: Kysely<DB>,
  row: { odsCode: string; kind: AssignmentKind; key: string; assigneeUserId: string; assignedBy: string },
): Promise<void> {
  await db
    .insertInto("assignment")
    .values({
      ods_code: row.odsCode,
      subject_kind: row.kind,
      subject_key: row.key,
      assignee_user_id: row.assigneeUserId,
      assigned_by: row.assignedBy,
    })
    .onConflict((oc) =>
      oc.columns(["ods_code", "subject_kind", "subject_key"]).doUpdateSet({
        assignee_user_id: row.assigneeUserId,
        assigned_by: row.assignedBy,
        assigned_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

export async function deleteAssignment(db: Kysely<DB>, odsCode: string, kind: AssignmentKind, key: string) {
  const result = await db
    .deleteFrom("assignment")
    .where("ods_code", "=", odsCode)
    .where("subject_kind", "=", kind)
    .where("subject_key", "=", key)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A benefit line's or plan item's title and last change, when it belongs to the trust. */
export async function workSubject(
  db: Kysely<DB>,
  odsCode: string,
  kind: "benefit_line" | "plan_item",
  id: string,
) {
  if (kind === "benefit_line")
    return db
      .selectFrom("benefit_line")
      .select(["id", "title as label", "updated_at as updatedAt"])
      .where("ods_code", "=", odsCode)
      .where("id", "=", id)
      .executeTakeFirst();
  return db
    .selectFrom("plan_item")
    .select([
      "id",
      sql<string>`functionality_code || ' to L' || target_level`.as("label"),
      "updated_at as updatedAt",
    ])
    .where("ods_code", "=", odsCode)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** When each of a trust's adoption records last changed (or was confirmed). */
export async function recordChanges(db: Kysely<DB>, odsCode: string): Promise<Map<string, Date>> {
  const rows = await db
    .selectFrom("adoption_record")
    .select(["functionality_code as code", "updated_at as updatedAt"])
    .where("ods_code", "=", odsCode)
    .execute();
  return new Map(rows.map((r) => [r.code, r.updatedAt]));
}

export interface HandoffRow {
  tier: number;
  markedBy: string;
  markedAt: Date;
}

/** What the trust's editors handed to the approver for a period: tiers, and 0 for the whole trust. */
export async function handoffs(db: Kysely<DB>, odsCode: string, period: string): Promise<HandoffRow[]> {
  return db
    .selectFrom("handoff")
    .select(["tier", "marked_by as markedBy", "marked_at as markedAt"])
    .where("ods_code", "=", odsCode)
    .where("period", "=", period)
    .orderBy("tier")
    .execute();
}

export async function saveHandoff(
  db: Kysely<DB>,
  row: { odsCode: string; period: string; tier: number; markedBy: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto("handoff")
    .values({ ods_code: row.odsCode, period: row.period, tier: row.tier, marked_by: row.markedBy })
    .onConflict((oc) => oc.columns(["ods_code", "period", "tier"]).doNothing())
    .returning("tier")
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteHandoff(db: Kysely<DB>, odsCode: string, period: string, tier: number) {
  const result = await db
    .deleteFrom("handoff")
    .where("ods_code", "=", odsCode)
    .where("period", "=", period)
    .where("tier", "=", tier)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Whole-trust handoffs of a period, by trust (the collection's "ready for approval" state). */
export async function trustsHandedOff(db: Kysely<DB>, period: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("handoff")
    .select("ods_code")
    .where("period", "=", period)
    .where("tier", "=", 0)
    .execute();
  return new Set(rows.map((r) => r.ods_code));
}
