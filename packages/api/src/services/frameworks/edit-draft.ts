import {
  crosswalkOf,
  type DB,
  documentOf,
  frameworkVersion,
  frameworkVersionRow,
  updateDraftVersion,
  writeAudit,
} from "@realise/db";
import {
  AppError,
  applyDraftEdit,
  checkDraftWritable,
  crosswalkIssues,
  type DraftEdit,
  type Principal,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { DraftRef } from "../../contracts/frameworks.js";

/**
 * Change a draft: check it is still a draft and unchanged since the editor read it, apply the edit, validate
 * the whole document (errors name the field edited), store it and its audit row together.
 */
export async function editFrameworkDraft(
  db: Kysely<DB>,
  input: DraftRef & { edit: DraftEdit },
  actor: Principal,
): Promise<{ version: number; rowVersion: number }> {
  const { edit } = input;
  return db.transaction().execute(async (trx) => {
    const row = await frameworkVersionRow(trx, input.version, { lock: true });
    checkDraftWritable(row, input.expectedRowVersion, "edited");
    const { framework, crosswalk, audit } = applyDraftEdit(documentOf(row), crosswalkOf(row), edit);
    if (crosswalk) {
      const previous = await frameworkVersion(trx, crosswalk.fromVersion).catch(() => null);
      const issues = previous ? crosswalkIssues(crosswalk, previous, framework, false) : [];
      if (issues.length > 0)
        throw AppError.invalid(issues.map((i) => ({ ...i, path: ["crosswalk", ...i.path] })));
    }
    const rowVersion = row.rowVersion + 1;
    await updateDraftVersion(trx, input.version, framework, crosswalk, rowVersion);
    await writeAudit(trx, actor, {
      action: `framework.edit.${edit.kind}`,
      entity: "framework_version",
      entityKey: `${input.version}/${audit.key}`,
      before: audit.before,
      after: audit.after,
    });
    return { version: input.version, rowVersion };
  });
}
