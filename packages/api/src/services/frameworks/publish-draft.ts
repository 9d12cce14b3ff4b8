import {
  crosswalkOf,
  type DB,
  documentOf,
  forgetFramework,
  frameworkVersionRow,
  lockAllAdoptionRecords,
  markVersionPublished,
  markVersionRetired,
  newestPublishedRow,
  organisationTypes,
  rawDocumentOf,
  writeAudit,
} from "@realise/db";
import {
  AppError,
  checkDraftWritable,
  crosswalkIssues,
  describeRecordCounts,
  type Framework,
  FrameworkSchema,
  type Principal,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { FrameworksPublish } from "../../contracts/frameworks.js";
import { refreshOrganisationTier } from "../adoption/refresh-tier.js";
import { carryRecordsForward } from "./carry-records.js";

export interface PublishResult {
  version: number;
  retiredVersion: number;
  carried: number;
  changed: number;
  notCarried: Array<{ odsCode: string; functionalityCode: string; reason: string }>;
  trustsRefreshed: number;
}

/**
 * Publish a draft, in one transaction: validate it and its crosswalk (which must cover every code of the
 * version in force), retire the version in force, carry every adoption record forward by the crosswalk with
 * its level re-derived under the new thresholds, recompute every trust's tier, and audit all of it.
 */
export async function publishFrameworkDraft(
  db: Kysely<DB>,
  input: FrameworksPublish,
  actor: Principal,
): Promise<PublishResult> {
  const result = await db.transaction().execute(async (trx) => {
    const row = await frameworkVersionRow(trx, input.version, { lock: true });
    checkDraftWritable(row, input.expectedRowVersion, "published again");
    const parsed = FrameworkSchema.safeParse({ ...(rawDocumentOf(row) as object), status: "draft" });
    if (!parsed.success)
      throw AppError.invalid(
        parsed.error.issues.map((i) => ({ path: i.path as Array<string | number>, message: i.message })),
      );
    const previousRow = await newestPublishedRow(trx, { lock: true });
    const previous = documentOf(previousRow);
    const crosswalk = crosswalkOf(row);
    const issues = crosswalkIssues(crosswalk, previous, parsed.data, true).map((i) => ({
      ...i,
      path: ["crosswalk", ...i.path],
    }));
    if (issues.length > 0 || !crosswalk) throw AppError.invalid(issues);
    const published: Framework = { ...parsed.data, status: "published" };

    // Adoption writes wait for the carry-forward, so no record is written against the old criteria meanwhile.
    await lockAllAdoptionRecords(trx);
    await markVersionRetired(trx, previousRow.version, previousRow.rowVersion + 1);
    await markVersionPublished(trx, input.version, published, row.rowVersion + 1);

    const carry = await carryRecordsForward(trx, crosswalk, published, actor);
    const counts = { carried: carry.carried, changed: carry.changed, dropped: carry.notCarried.length };
    const { confirmed } = input;
    if (
      counts.carried !== confirmed.carried ||
      counts.changed !== confirmed.changed ||
      counts.dropped !== confirmed.dropped
    )
      throw AppError.conflict(
        `The records publishing would move have changed since you checked them: you confirmed ${describeRecordCounts(confirmed)}, it is now ${describeRecordCounts(counts)}. Nothing was published; check the new counts and confirm again`,
        { records: counts },
      );

    const organisations = await organisationTypes(trx);
    for (const org of organisations)
      await refreshOrganisationTier(trx, published, org.ods_code, org.trust_type);

    await writeAudit(trx, actor, {
      action: "framework.retire",
      entity: "framework_version",
      entityKey: String(previousRow.version),
      before: { status: "published" },
      after: { status: "retired", supersededBy: input.version },
    });
    await writeAudit(trx, actor, {
      action: "framework.publish",
      entity: "framework_version",
      entityKey: String(input.version),
      before: { status: "draft" },
      after: {
        status: "published",
        crosswalk,
        carried: carry.carried,
        changed: carry.changed,
        notCarried: carry.notCarried.length,
      },
    });
    return {
      version: input.version,
      retiredVersion: previousRow.version,
      carried: carry.carried,
      changed: carry.changed,
      notCarried: carry.notCarried,
      trustsRefreshed: organisations.length,
    };
  });
  forgetFramework(db, result.retiredVersion);
  forgetFramework(db, result.version);
  return result;
}
