import { auditTrail, type DB } from "@realise/db";
import type { Kysely } from "kysely";

/** Every change to one record: who, when, before, after. */
export async function adoptionHistory(db: Kysely<DB>, input: { odsCode: string; functionalityCode: string }) {
  return auditTrail(db, {
    entity: "adoption_record",
    entityKey: `${input.odsCode}/${input.functionalityCode}`,
  });
}
