import {
  type DB,
  forgetFramework,
  frameworkVersionRow,
  markVersionRetired,
  newestPublishedRow,
  writeAudit,
} from "@realise/db";
import { checkRetirable, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DraftRef } from "../../contracts/frameworks.js";

/**
 * Retire a published version that is no longer in force. The version in force is retired only by
 * publishing its successor, so there is always a framework to score against.
 */
export async function retireFrameworkVersion(db: Kysely<DB>, input: DraftRef, actor: Principal) {
  await db.transaction().execute(async (trx) => {
    const row = await frameworkVersionRow(trx, input.version, { lock: true });
    const inForce = row.status === "published" ? (await newestPublishedRow(trx)).version : 0;
    checkRetirable(row, input.expectedRowVersion, inForce);
    await markVersionRetired(trx, input.version, row.rowVersion + 1);
    await writeAudit(trx, actor, {
      action: "framework.retire",
      entity: "framework_version",
      entityKey: String(input.version),
      before: { status: "published" },
      after: { status: "retired" },
    });
  });
  forgetFramework(db, input.version);
  return { version: input.version, status: "retired" as const };
}
