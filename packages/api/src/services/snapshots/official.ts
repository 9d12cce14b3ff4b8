import {
  acceptedSubmissions,
  type DB,
  frameworkVersion,
  insertOfficialSnapshot,
  type OfficialRecordRow,
  type OfficialTrustRow,
  organisationCount,
  trustTypeByCode,
  returnCounts,
  toAssessable,
  type AdoptionRow,
} from "@realise/db";
import {
  assessTrust,
  type Framework,
  membershipDate,
  stateOnAcceptance,
  type TrustType,
} from "@realise/domain";
import type { Kysely } from "kysely";
import { today } from "../clock.js";

/** Accepted, submitted (not yet reviewed), sent back, withdrawn or unlocked, and missing, for a period. */
export async function returnCountsFor(trx: Kysely<DB>, period: string): Promise<Record<string, number>> {
  const [byStatus, trusts] = await Promise.all([returnCounts(trx, period), organisationCount(trx)]);
  const counts: Record<string, number> = { accepted: 0, submitted: 0, returned: 0 };
  for (const r of byStatus) counts[r.status] = r.count;
  counts.missing = trusts - byStatus.reduce((n, r) => n + r.count, 0);
  return counts;
}

/**
 * Write the official figures of a period into a (preview) snapshot, built only from each trust's
 * accepted return: its submitted copy's records, scored under the framework version it was submitted
 * against. A trust without an accepted return gets no row and is counted apart, never filled in with
 * live values. The caller publishes, or rolls back for a provisional preview.
 */
export async function writeOfficialSnapshot(trx: Kysely<DB>, period: string, frozenBy: string | null) {
  const [accepted, types, counts] = await Promise.all([
    acceptedSubmissions(trx, period),
    trustTypeByCode(trx),
    returnCountsFor(trx, period),
  ]);
  const frameworks = new Map<number, Framework>();
  const trusts: OfficialTrustRow[] = [];
  const records: OfficialRecordRow[] = [];
  for (const a of accepted) {
    let framework = frameworks.get(a.frameworkVersion);
    if (!framework) {
      framework = await frameworkVersion(trx, a.frameworkVersion);
      frameworks.set(a.frameworkVersion, framework);
    }
    const content = (typeof a.content === "string" ? JSON.parse(a.content) : a.content) as {
      records: AdoptionRow[];
    };
    const assessment = assessTrust(
      framework,
      { odsCode: a.odsCode, trustType: types.get(a.odsCode) as TrustType },
      toAssessable(content.records),
    );
    trusts.push({
      odsCode: a.odsCode,
      attainedTier: assessment.attainedTier,
      progressToNext: assessment.progressToNext,
    });
    for (const r of content.records) {
      records.push({
        odsCode: a.odsCode,
        functionalityCode: r.functionalityCode,
        level: r.level,
        coveragePct: r.coveragePct,
        usageNumerator: r.usageNumerator,
        usageDenominator: r.usageDenominator,
        // Accepting the return validated what it holds (system-reported figures keep saying so).
        validationState: stateOnAcceptance(r.validationState),
      });
    }
  }
  const version = accepted[0]?.frameworkVersion ?? (await frameworkVersionOfPeriod(trx, period));
  await insertOfficialSnapshot(trx, {
    period,
    frameworkVersion: version,
    frozenBy,
    icbAsOf: membershipDate(period, today()),
    returnCounts: counts,
    trusts,
    records,
  });
  return { trusts: trusts.length, counts, frameworkVersion: version };
}

async function frameworkVersionOfPeriod(trx: Kysely<DB>, period: string): Promise<number> {
  const row = await trx
    .selectFrom("collection")
    .select("framework_version")
    .where("period", "=", period)
    .executeTakeFirst();
  if (row) return row.framework_version;
  const current = await trx
    .selectFrom("framework_version")
    .select("version")
    .where("status", "=", "published")
    .orderBy("version", "desc")
    .executeTakeFirstOrThrow();
  return current.version;
}
