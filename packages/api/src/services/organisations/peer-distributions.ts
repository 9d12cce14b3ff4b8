import { type DB, peerKeys, peerTiers } from "@realise/db";
import { peerGroupLabel, type TierDistribution, tierDistribution } from "@realise/domain";
import type { Kysely } from "kysely";

/** Where a trust's peers stand: same trust type, and same EPR supplier, as distributions (not a rank). */
export async function peerDistributions(db: Kysely<DB>, odsCode: string): Promise<TierDistribution[]> {
  const keys = await peerKeys(db, odsCode);
  if (!keys) return [];
  const out = [
    tierDistribution(
      peerGroupLabel.trustType(keys.trustType),
      await peerTiers(db, { trustType: keys.trustType }),
    ),
  ];
  if (keys.eprSupplier) {
    out.push(
      tierDistribution(
        peerGroupLabel.supplier(keys.eprSupplier),
        await peerTiers(db, { eprSupplier: keys.eprSupplier }),
      ),
    );
  }
  return out;
}
