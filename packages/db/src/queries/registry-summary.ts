import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

export interface CountRow {
  key: string | null;
  count: number;
}

async function countBy(
  db: Kysely<DB>,
  column: "trust_type" | "region" | "epr_status" | "epr_supplier",
): Promise<CountRow[]> {
  const rows = await db
    .selectFrom("organisation")
    .select([`${column} as key`, (eb) => eb.fn.countAll<string>().as("count")])
    .groupBy(column)
    .orderBy("count", "desc")
    .orderBy(column)
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/** Trusts counted by type, region, EPR status and supplier: the registry at a glance. */
export async function registrySummary(db: Kysely<DB>) {
  const [byTrustType, byRegion, byEprStatus, byEprSupplier] = await Promise.all([
    countBy(db, "trust_type"),
    countBy(db, "region"),
    countBy(db, "epr_status"),
    countBy(db, "epr_supplier"),
  ]);
  const total = byTrustType.reduce((sum, r) => sum + r.count, 0);
  return { total, byTrustType, byRegion, byEprStatus, byEprSupplier };
}
