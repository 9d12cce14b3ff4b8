import type { TrustType } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/** What a trust's peers are grouped by: its trust type and its EPR supplier. */
export async function peerKeys(db: Kysely<DB>, odsCode: string) {
  return db
    .selectFrom("organisation")
    .select(["trust_type as trustType", "epr_supplier as eprSupplier"])
    .where("ods_code", "=", odsCode)
    .executeTakeFirst();
}

/** The stored tier and progress of every trust with the given trust type or EPR supplier. */
export async function peerTiers(
  db: Kysely<DB>,
  by: { trustType: TrustType } | { eprSupplier: string },
): Promise<{ tier: number; progress: number }[]> {
  let q = db
    .selectFrom("organisation as o")
    .innerJoin("organisation_tier as t", "t.ods_code", "o.ods_code")
    .select(["t.attained_tier as tier", "t.progress_to_next as progress"]);
  q =
    "trustType" in by
      ? q.where("o.trust_type", "=", by.trustType)
      : q.where("o.epr_supplier", "=", by.eprSupplier);
  return q.execute();
}
