import {
  adoptionSources,
  crosswalkOf,
  type DB,
  documentOf,
  frameworkVersionRow,
  newestPublishedRow,
  trustsWithTier,
} from "@realise/db";
import { checkPreviewable, type DraftEffect, defaultCrosswalk, draftEffect } from "@realise/domain";
import type { Kysely } from "kysely";

/**
 * What publishing a draft would do to tiers (see the domain's draftEffect), read in one transaction so the
 * draft, the version in force, the tiers and the records are one consistent picture.
 */
export async function frameworkDraftEffect(db: Kysely<DB>, input: { version: number }): Promise<DraftEffect> {
  return db.transaction().execute(async (trx) => {
    const row = await frameworkVersionRow(trx, input.version);
    checkPreviewable(row);
    const draft = documentOf(row);
    const previous = documentOf(await newestPublishedRow(trx));
    const crosswalk = crosswalkOf(row) ?? defaultCrosswalk(previous, draft);
    const trusts = await trustsWithTier(trx);
    const records = await adoptionSources(trx);
    return { ...draftEffect({ draft, previous, crosswalk, trusts, records }), version: input.version };
  });
}
