import type { PlanItem } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/** The editable fields of a plan item. */
export type PlanFields = Omit<PlanItem, "id" | "odsCode">;

export interface PlanItemRow extends PlanFields {
  id: string;
  odsCode: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

function planSelect(db: Kysely<DB>) {
  return db
    .selectFrom("plan_item")
    .select([
      "id",
      "ods_code as odsCode",
      "functionality_code as functionalityCode",
      "target_level as targetLevel",
      "target_date as targetDate",
      "owner",
      "status",
      "version",
      "updated_at as updatedAt",
      "updated_by as updatedBy",
    ]);
}

/** Plan items, by target date; all trusts when odsCode is null. */
export async function planItems(db: Kysely<DB>, odsCode: string | null): Promise<PlanItemRow[]> {
  let q = planSelect(db)
    .orderBy("ods_code")
    .orderBy("target_date")
    .orderBy("functionality_code")
    .orderBy("id");
  if (odsCode !== null) q = q.where("ods_code", "=", odsCode);
  return (await q.execute()) as PlanItemRow[];
}

/** One plan item, or undefined. */
export async function findPlanItem(db: Kysely<DB>, id: string): Promise<PlanItemRow | undefined> {
  return (await planSelect(db).where("id", "=", id).executeTakeFirst()) as PlanItemRow | undefined;
}

/** Lock one plan item of a trust for the rest of the transaction; undefined when the trust has none. */
export async function lockPlanItem(
  db: Kysely<DB>,
  odsCode: string,
  id: string,
): Promise<PlanItemRow | undefined> {
  return (await planSelect(db)
    .where("id", "=", id)
    .where("ods_code", "=", odsCode)
    .forUpdate()
    .executeTakeFirst()) as PlanItemRow | undefined;
}

function itemValues(fields: PlanFields, updatedBy: string) {
  return {
    functionality_code: fields.functionalityCode,
    target_level: fields.targetLevel,
    target_date: fields.targetDate,
    owner: fields.owner,
    status: fields.status,
    updated_at: new Date(),
    updated_by: updatedBy,
  };
}

/** Insert a plan item at version 1. */
export async function insertPlanItem(
  db: Kysely<DB>,
  item: { id: string; odsCode: string; fields: PlanFields; updatedBy: string },
): Promise<void> {
  await db
    .insertInto("plan_item")
    .values({ ...itemValues(item.fields, item.updatedBy), id: item.id, ods_code: item.odsCode })
    .execute();
}

/** Overwrite a plan item's fields and set its version. */
export async function updatePlanItem(
  db: Kysely<DB>,
  id: string,
  change: { fields: PlanFields; version: number; updatedBy: string },
): Promise<void> {
  await db
    .updateTable("plan_item")
    .set({ ...itemValues(change.fields, change.updatedBy), version: change.version })
    .where("id", "=", id)
    .execute();
}

export async function deletePlanItem(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom("plan_item").where("id", "=", id).execute();
}

/** The trust facts a plan is checked and forecast against; undefined when no trust has the code. */
export async function planningTrust(
  db: Kysely<DB>,
  odsCode: string,
): Promise<{ odsCode: string; trustType: string; eprStatus: string } | undefined> {
  return db
    .selectFrom("organisation")
    .select(["ods_code as odsCode", "trust_type as trustType", "epr_status as eprStatus"])
    .where("ods_code", "=", odsCode)
    .executeTakeFirst();
}
