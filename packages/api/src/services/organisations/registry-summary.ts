import { type DB, organisationCounts } from "@realise/db";
import type { Kysely } from "kysely";

/** Trusts counted by type, region, EPR status and supplier: the registry at a glance. */
export async function registrySummary(db: Kysely<DB>) {
  const [byTrustType, byRegion, byEprStatus, byEprSupplier] = await Promise.all([
    organisationCounts(db, "trust_type"),
    organisationCounts(db, "region"),
    organisationCounts(db, "epr_status"),
    organisationCounts(db, "epr_supplier"),
  ]);
  const total = byTrustType.reduce((sum, r) => sum + r.count, 0);
  return { total, byTrustType, byRegion, byEprStatus, byEprSupplier };
}
