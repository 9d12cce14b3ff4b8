import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

export interface TierDistribution {
  group: string;
  trusts: number;
  /** Count of trusts at each attained tier 0..5. */
  tierCounts: number[];
  /** Progress toward the next tier of every trust in the group, for a distribution plot. */
  progress: number[];
}

async function distribution(
  db: Kysely<DB>,
  group: string,
  column: "trust_type" | "epr_supplier",
  value: string,
) {
  const rows = await db
    .selectFrom("organisation as o")
    .innerJoin("organisation_tier as t", "t.ods_code", "o.ods_code")
    .select(["t.attained_tier as tier", "t.progress_to_next as progress"])
    .where(`o.${column}`, "=", value)
    .execute();
  const tierCounts = [0, 0, 0, 0, 0, 0];
  for (const r of rows) tierCounts[r.tier] = (tierCounts[r.tier] ?? 0) + 1;
  return {
    group,
    trusts: rows.length,
    tierCounts,
    progress: rows.map((r) => r.progress).sort((a, b) => a - b),
  };
}

/** Where a trust's peers stand: same trust type, and same EPR supplier, as distributions (not a rank). */
export async function peerDistributions(db: Kysely<DB>, odsCode: string): Promise<TierDistribution[]> {
  const org = await db
    .selectFrom("organisation")
    .select(["trust_type", "epr_supplier"])
    .where("ods_code", "=", odsCode)
    .executeTakeFirst();
  if (!org) return [];
  const out = [
    await distribution(db, `All ${org.trust_type.replace("_", " ")} trusts`, "trust_type", org.trust_type),
  ];
  if (org.epr_supplier)
    out.push(await distribution(db, `All trusts on ${org.epr_supplier}`, "epr_supplier", org.epr_supplier));
  return out;
}
