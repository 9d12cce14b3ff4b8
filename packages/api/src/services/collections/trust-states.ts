import {
  benefitLines,
  currentFramework,
  type DB,
  findCollection,
  lastChangeByTrust,
  planItems,
  selectAdoption,
  trustsHandedOff,
  trustsWithReturnStatus,
} from "@realise/db";
import { AppError, submissionChecklist, TRUST_RETURN_STATES, trustReturnState } from "@realise/domain";
import type { Kysely } from "kysely";
import { type OversightScope, withinScope } from "../guards/oversight-scope.js";
import { today } from "../clock.js";

const group = <T extends { odsCode: string }>(rows: readonly T[]) => {
  const by = new Map<string, T[]>();
  for (const r of rows) by.set(r.odsCode, [...(by.get(r.odsCode) ?? []), r]);
  return by;
};

/**
 * Every trust's state in a period's collection — not started, in progress, ready for approval,
 * submitted, sent back, accepted — with the counts, so the national team can chase the trusts that have
 * not submitted. "Ready for approval" is a trust that has worked on its records since the collection
 * opened and whose checklist is clear. Read in one transaction, in bulk (three reads for the nation).
 */
export async function collectionTrustStates(
  db: Kysely<DB>,
  input: { period: string },
  scope: OversightScope | null = null,
) {
  return db.transaction().execute(async (trx) => {
    const collection = await findCollection(trx, input.period);
    if (!collection) throw AppError.notFound(`No collection has been opened for ${input.period}`);
    const [trusts, changes, framework, records, lines, plans] = await Promise.all([
      trustsWithReturnStatus(trx, input.period),
      lastChangeByTrust(trx),
      currentFramework(trx),
      selectAdoption(trx).execute(),
      benefitLines(trx, null),
      planItems(trx, null),
    ]);
    const handedOff = await trustsHandedOff(trx, input.period);
    const recordsBy = group(records);
    const linesBy = group(lines);
    const plansBy = group(plans);
    const names = new Map(framework.functionalities.map((f) => [f.code, f.shortName ?? f.name]));
    const day = today();
    const rows = withinScope(scope, trusts).map((t) => {
      const mine = recordsBy.get(t.odsCode) ?? [];
      const levels = new Map(mine.map((r) => [r.functionalityCode, r.level]));
      const checklist = submissionChecklist({
        period: input.period,
        today: day,
        lastAcceptedOn: null,
        records: mine.map((r) => ({
          functionalityCode: r.functionalityCode,
          functionalityName: names.get(r.functionalityCode),
          derivedLevel: r.derivedLevel,
          claimedLevel: r.claimedLevel,
          level: r.level,
          evidenceCount: r.evidence.length,
          updatedOn: r.updatedAt.toISOString().slice(0, 10),
        })),
        benefitLines: (linesBy.get(t.odsCode) ?? []).map((l) => ({
          id: l.id,
          title: l.title,
          status: l.status,
          actualPeriods: l.actuals.map((a) => a.period),
        })),
        planItems: (plansBy.get(t.odsCode) ?? []).map((p) => ({
          id: p.id,
          functionalityCode: p.functionalityCode,
          targetLevel: p.targetLevel,
          targetDate: p.targetDate,
          currentLevel: levels.get(p.functionalityCode) ?? 0,
        })),
      });
      const lastChangeOn = changes.get(t.odsCode) ?? null;
      return {
        odsCode: t.odsCode,
        name: t.name,
        returnStatus: t.returnStatus,
        lastChangeOn,
        checklistItems: checklist.length,
        state: trustReturnState({
          returnStatus: t.returnStatus,
          lastChangeOn,
          opensOn: collection.opensOn,
          checklistItems: checklist.length,
          handedOff: handedOff.has(t.odsCode),
        }),
      };
    });
    const counts = Object.fromEntries(
      TRUST_RETURN_STATES.map((s) => [s, rows.filter((r) => r.state === s).length]),
    );
    return { collection, counts, trusts: rows };
  });
}
