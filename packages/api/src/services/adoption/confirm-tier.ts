import { currentFramework, type DB, lockTrustRecords, restampAdoptionRecord, writeAudit } from "@realise/db";
import { type Principal, tierFunctionalityCodes } from "@realise/domain";
import type { Kysely } from "kysely";
import type { AdoptionConfirmTierInput } from "../../contracts/adoption.js";
import { trustWrite } from "../guards/trust-write.js";
import { frameworkInForce } from "./framework-in-force.js";

/**
 * "Confirm unchanged" for a whole tier: re-stamp every record of the tier as reviewed now, one audit row
 * per record, without changing a value. Versions move on so a concurrent edit still conflicts.
 */
export async function confirmTierUnchanged(
  db: Kysely<DB>,
  input: AdoptionConfirmTierInput,
  actor: Principal,
) {
  const known = await currentFramework(db);
  return trustWrite(db, input.odsCode, async (trx) => {
    // Which records the tier holds depends on the framework, so lock the trust's records before reading it.
    const records = await lockTrustRecords(trx, input.odsCode);
    const framework = await frameworkInForce(trx, known);
    const codes = new Set(tierFunctionalityCodes(framework, input.tier));
    const confirmed = records.filter((r) => codes.has(r.functionalityCode));
    const now = new Date();
    for (const row of confirmed) {
      const key = { odsCode: input.odsCode, functionalityCode: row.functionalityCode };
      await restampAdoptionRecord(trx, key, { version: row.version + 1, at: now, by: actor.email });
      await writeAudit(trx, actor, {
        action: "adoption.confirm_unchanged",
        entity: "adoption_record",
        entityKey: `${input.odsCode}/${row.functionalityCode}`,
        odsCode: input.odsCode,
        before: { version: row.version },
        after: { version: row.version + 1, confirmedAt: now.toISOString() },
      });
    }
    return { confirmed: confirmed.length };
  });
}
