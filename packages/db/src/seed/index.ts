import { defaultFramework } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";
import { seedDemoAdoption } from "./demo-adoption.js";
import { seedDemoBenefits } from "./demo-benefits.js";
import { insertFrameworkVersion } from "./framework.js";
import { seedReference } from "./reference.js";

// The seeding entry point (`@realise/db/seed`): the first-run seed, its parts for tools that build
// their own data sets (the bench's national generator), and the deterministic randomness they share.
export { demoRecordsFor, seedDemoAdoption, type TrustSeed, tierRowFor } from "./demo-adoption.js";
export { seedDemoBenefits } from "./demo-benefits.js";
export { insertFrameworkVersion } from "./framework.js";
export { hashString, seededRandom } from "./random.js";
export { eprStatusFrom, seedReference } from "./reference.js";

export interface SeedResult {
  seeded: boolean;
  organisations: number;
  adoptionRecords: number;
}

/**
 * On an empty database, seed the real reference data and the default national framework (version 1,
 * published) and, in demo mode, plausible adoption for every trust. One transaction: all or nothing.
 */
export async function seedIfEmpty(db: Kysely<DB>, options: { demo: boolean }): Promise<SeedResult> {
  const existing = await db
    .selectFrom("organisation")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { seeded: false, organisations: Number(existing.n), adoptionRecords: 0 };
  return db.transaction().execute(async (trx) => {
    const { organisations } = await seedReference(trx);
    await insertFrameworkVersion(trx, defaultFramework);
    const adoptionRecords = options.demo ? await seedDemoAdoption(trx, defaultFramework) : 0;
    if (options.demo) await seedDemoBenefits(trx, defaultFramework);
    return { seeded: true, organisations, adoptionRecords };
  });
}
