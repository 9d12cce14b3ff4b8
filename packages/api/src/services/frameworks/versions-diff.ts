import { type DB, type FrameworkVersionSummary, frameworkVersionRow } from "@realise/db";
import { type Crosswalk, diffFrameworks, type FrameworkDiff } from "@realise/domain";
import type { Kysely } from "kysely";
import { detailOf } from "./detail-of.js";

/** What changed between two versions, with the later version's crosswalk when it starts from the earlier. */
export async function frameworkVersionsDiff(
  db: Kysely<DB>,
  input: { from: number; to: number },
): Promise<{
  from: FrameworkVersionSummary;
  to: FrameworkVersionSummary;
  diff: FrameworkDiff;
  crosswalk: Crosswalk | null;
}> {
  return db.transaction().execute(async (trx) => {
    const a = await detailOf(trx, await frameworkVersionRow(trx, input.from));
    const b = await detailOf(trx, await frameworkVersionRow(trx, input.to));
    const { document: da, crosswalk: _ca, previousCodes: _pa, ...sa } = a;
    const { document: dbDoc, crosswalk: cb, previousCodes: _pb, ...sb } = b;
    const crosswalk = cb && cb.fromVersion === input.from ? cb : null;
    return { from: sa, to: sb, diff: diffFrameworks(da, dbDoc, crosswalk), crosswalk };
  });
}
