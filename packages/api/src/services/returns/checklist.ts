import {
  adoptionRecords,
  benefitLines,
  currentFramework,
  type DB,
  handoffs,
  planItems,
  returnsFor,
} from "@realise/db";
import { handoffState, submissionChecklist } from "@realise/domain";
import type { Kysely } from "kysely";
import type { ReturnsChecklistInput } from "../../contracts/returns.js";
import { today } from "../clock.js";

const isoDay = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * The approver's checklist before submitting a period's return: claims above the measures, L3+ records
 * without evidence, records not reviewed since the last accepted return, overdue benefit actuals and plan
 * items past due. Read in one transaction so the list describes one moment.
 */
export async function submissionChecklistFor(db: Kysely<DB>, input: ReturnsChecklistInput) {
  return db.transaction().execute(async (trx) => {
    const [framework, records, lines, plan, returns, marked] = await Promise.all([
      currentFramework(trx),
      adoptionRecords(trx, input.odsCode),
      benefitLines(trx, input.odsCode),
      planItems(trx, input.odsCode),
      returnsFor(trx, input.odsCode),
      handoffs(trx, input.odsCode, input.period),
    ]);
    const names = new Map(framework.functionalities.map((f) => [f.code, f.shortName ?? f.name]));
    const levels = new Map(records.map((r) => [r.functionalityCode, r.level]));
    const lastAccepted = returns
      .filter((r) => r.status === "accepted" && r.decidedAt && r.period !== input.period)
      .map((r) => isoDay(r.decidedAt!))
      .sort()
      .at(-1);
    const items = submissionChecklist({
      period: input.period,
      today: today(),
      lastAcceptedOn: lastAccepted ?? null,
      records: records.map((r) => ({
        functionalityCode: r.functionalityCode,
        functionalityName: names.get(r.functionalityCode),
        derivedLevel: r.derivedLevel,
        claimedLevel: r.claimedLevel,
        level: r.level,
        evidenceCount: r.evidence.length,
        updatedOn: isoDay(r.updatedAt),
      })),
      benefitLines: lines.map((l) => ({
        id: l.id,
        title: l.title,
        status: l.status,
        actualPeriods: l.actuals.map((a) => a.period),
      })),
      planItems: plan.map((p) => ({
        id: p.id,
        functionalityCode: p.functionalityCode,
        targetLevel: p.targetLevel,
        targetDate: p.targetDate,
        currentLevel: levels.get(p.functionalityCode) ?? 0,
      })),
    });
    // What the team marked ready for approval, and what it did not (the approver's view of the handoff).
    const handoff = handoffState(framework.tiers, marked);
    return { period: input.period, items, lastAcceptedOn: lastAccepted ?? null, handoff };
  });
}
