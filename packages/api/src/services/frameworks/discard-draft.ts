import { type DB, deleteFrameworkVersion, frameworkVersionRow, writeAudit } from "@realise/db";
import { checkDraftWritable, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DraftRef } from "../../contracts/frameworks.js";

/** Throw a draft away (only drafts; a published version is history). */
export async function discardFrameworkDraft(db: Kysely<DB>, input: DraftRef, actor: Principal) {
  return db.transaction().execute(async (trx) => {
    const row = await frameworkVersionRow(trx, input.version, { lock: true });
    checkDraftWritable(row, input.expectedRowVersion, "discarded");
    await deleteFrameworkVersion(trx, input.version);
    await writeAudit(trx, actor, {
      action: "framework.discard",
      entity: "framework_version",
      entityKey: String(input.version),
      before: { version: row.version, name: row.name },
    });
    return { version: input.version };
  });
}
