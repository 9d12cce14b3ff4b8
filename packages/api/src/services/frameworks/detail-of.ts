import {
  crosswalkOf,
  type DB,
  documentOf,
  type FrameworkVersionRow,
  type FrameworkVersionSummary,
  frameworkVersion,
  summaryOf,
} from "@realise/db";
import type { Crosswalk, Framework } from "@realise/domain";
import type { Kysely } from "kysely";

export interface FrameworkVersionDetail extends FrameworkVersionSummary {
  document: Framework;
  crosswalk: Crosswalk | null;
  /** Codes of the published version the crosswalk starts from (drafts only), for the crosswalk editor. */
  previousCodes: Array<{ code: string; name: string }>;
}

/** A stored version with its parsed document and crosswalk, and the codes its crosswalk starts from. */
export async function detailOf(db: Kysely<DB>, row: FrameworkVersionRow): Promise<FrameworkVersionDetail> {
  const crosswalk = crosswalkOf(row);
  let previousCodes: FrameworkVersionDetail["previousCodes"] = [];
  if (crosswalk) {
    const previous = await frameworkVersion(db, crosswalk.fromVersion).catch(() => null);
    previousCodes = previous?.functionalities.map((f) => ({ code: f.code, name: f.name })) ?? [];
  }
  return { ...summaryOf(row), document: documentOf(row), crosswalk, previousCodes };
}
