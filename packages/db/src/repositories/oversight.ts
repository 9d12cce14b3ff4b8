import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/** Whether an ICB with this code is in the registry (current or merged away). */
export async function icbExists(db: Kysely<DB>, icbCode: string): Promise<boolean> {
  const row = await db.selectFrom("icb").select("code").where("code", "=", icbCode).executeTakeFirst();
  return row !== undefined;
}

/** What an ICB or region viewer oversees, as stored with their role. */
export interface OversightBinding {
  icbCode: string | null;
  region: string | null;
}

/** The ICB and region of an account's role binding (both null for roles that have neither). */
export async function oversightBinding(db: Kysely<DB>, userId: string): Promise<OversightBinding> {
  const row = await db
    .selectFrom("user_role")
    .select(["icb_code", "region"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return { icbCode: row?.icb_code ?? null, region: row?.region ?? null };
}

/**
 * The ODS codes of the trusts an ICB or region viewer oversees, in code order: an ICB's members on the day
 * (dated membership), or a region's trusts (the region the national views group and filter by).
 */
export async function trustsOverseen(
  db: Kysely<DB>,
  binding: OversightBinding,
  day: string,
): Promise<string[]> {
  if (binding.icbCode) {
    const rows = await db
      .selectFrom("organisation_icb as m")
      .select("m.ods_code")
      .distinct()
      .where("m.icb_code", "=", binding.icbCode)
      .where("m.valid_from", "<=", day)
      .where((eb) => eb.or([eb("m.valid_to", "is", null), eb("m.valid_to", ">=", day)]))
      .orderBy("m.ods_code")
      .execute();
    return rows.map((r) => r.ods_code);
  }
  if (binding.region) {
    const rows = await db
      .selectFrom("organisation")
      .select("ods_code")
      .where("region", "=", binding.region as never)
      .orderBy("ods_code")
      .execute();
    return rows.map((r) => r.ods_code);
  }
  return [];
}

/** An ICB's name and region, or undefined when there is no such ICB. */
export async function icbSummary(db: Kysely<DB>, icbCode: string) {
  return db
    .selectFrom("icb")
    .select(["code", "name", "region"])
    .where("code", "=", icbCode)
    .executeTakeFirst();
}

/** Returns of a period by state for some trusts, with the trusts that have none counted as missing. */
export async function returnCountsWithin(
  db: Kysely<DB>,
  period: string,
  odsCodes: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = { accepted: 0, submitted: 0, returned: 0 };
  if (odsCodes.length === 0) return { ...counts, missing: 0 };
  const rows = await db
    .selectFrom("trust_return")
    .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
    .where("period", "=", period)
    .where("ods_code", "in", [...odsCodes])
    .groupBy("status")
    .execute();
  for (const r of rows) counts[r.status] = Number(r.n);
  counts.missing = odsCodes.length - rows.reduce((n, r) => n + Number(r.n), 0);
  return counts;
}
