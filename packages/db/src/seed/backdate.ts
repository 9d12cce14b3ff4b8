import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/**
 * Demo only: date the trusts' records, benefit lines and plan items as last changed on `at`, so that in
 * the demo some trusts have not yet started on the current quarter (seeding itself happens "now").
 */
export async function backdateTrustChanges(
  db: Kysely<DB>,
  odsCodes: readonly string[],
  at: Date,
): Promise<void> {
  if (odsCodes.length === 0) return;
  for (const table of ["adoption_record", "benefit_line", "plan_item"] as const) {
    await db
      .updateTable(table)
      .set({ updated_at: at })
      .where("ods_code", "in", [...odsCodes])
      .execute();
  }
}
