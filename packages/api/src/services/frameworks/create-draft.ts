import {
  type DB,
  documentOf,
  draftVersionNumber,
  frameworkVersionRow,
  highestVersionNumber,
  insertDraftVersion,
  newestPublishedRow,
  writeAudit,
} from "@realise/db";
import {
  AppError,
  checkNoOtherDraft,
  defaultCrosswalk,
  draftNextVersion,
  type Framework,
  FrameworkSchema,
  type Principal,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { FrameworksCreateDraft } from "../../contracts/frameworks.js";
import { detailOf, type FrameworkVersionDetail } from "./detail-of.js";
import { today } from "../clock.js";

/**
 * Start the next version as a copy of the one in force, with a crosswalk that keeps every code.
 * One draft at a time, so the crosswalk always starts from the version in force.
 */
export async function createFrameworkDraft(
  db: Kysely<DB>,
  input: FrameworksCreateDraft,
  actor: Principal,
): Promise<FrameworkVersionDetail> {
  return db.transaction().execute(async (trx) => {
    const published = await newestPublishedRow(trx, { lock: true });
    checkNoOtherDraft(await draftVersionNumber(trx));
    const base = documentOf(published);
    const next = (await highestVersionNumber(trx)) + 1;
    const draft: Framework = {
      ...draftNextVersion(base, input?.effectiveFrom ?? today()),
      version: next,
      name: input?.name ?? base.name,
    };
    const checked = FrameworkSchema.safeParse(draft);
    if (!checked.success)
      throw AppError.invalid(
        checked.error.issues.map((i) => ({ path: i.path as Array<string | number>, message: i.message })),
      );
    await insertDraftVersion(trx, draft, defaultCrosswalk(base, draft));
    await writeAudit(trx, actor, {
      action: "framework.draft",
      entity: "framework_version",
      entityKey: String(next),
      after: { version: next, copiedFrom: base.version, effectiveFrom: draft.effectiveFrom },
    });
    return detailOf(trx, await frameworkVersionRow(trx, next));
  });
}
