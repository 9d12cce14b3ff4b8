import { isClaimFlagged } from "../adoption/claim.js";
import { periodRange, previousPeriod } from "../periods/periods.js";

export type ChecklistKind =
  | "claim_above_measures"
  | "not_reviewed"
  | "no_evidence"
  | "overdue_actual"
  | "plan_past_due";

export interface ChecklistItem {
  kind: ChecklistKind;
  /** The functionality, benefit line or plan item the item is about. */
  subject: string;
  message: string;
}

export interface ChecklistInput {
  /** The period being submitted (a quarter). */
  period: string;
  today: string;
  /** When the trust's last accepted return was decided (ISO date), if it has one. */
  lastAcceptedOn: string | null;
  records: ReadonlyArray<{
    functionalityCode: string;
    functionalityName?: string;
    derivedLevel: number;
    claimedLevel: number | null;
    level: number;
    evidenceCount: number;
    /** ISO date of the last change or confirmation. */
    updatedOn: string;
  }>;
  benefitLines: ReadonlyArray<{
    id: string;
    title: string;
    status: string;
    /** Periods with an actual recorded. */
    actualPeriods: readonly string[];
  }>;
  planItems: ReadonlyArray<{
    id: string;
    functionalityCode: string;
    targetLevel: number;
    targetDate: string;
    currentLevel: number;
  }>;
}

const nameOf = (r: { functionalityCode: string; functionalityName?: string }) =>
  r.functionalityName ? `${r.functionalityName} (${r.functionalityCode})` : r.functionalityCode;

/**
 * What the approver should look at before submitting. Nothing here blocks a submission: it is the list a
 * careful CIO would otherwise build by hand, and what a national validator will ask about.
 */
export function submissionChecklist(input: ChecklistInput): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const r of input.records) {
    if (isClaimFlagged(r.derivedLevel, r.claimedLevel))
      items.push({
        kind: "claim_above_measures",
        subject: r.functionalityCode,
        message: `${nameOf(r)}: claimed L${r.claimedLevel}, the measures show L${r.derivedLevel}`,
      });
    if (r.level >= 3 && r.evidenceCount === 0)
      items.push({
        kind: "no_evidence",
        subject: r.functionalityCode,
        message: `${nameOf(r)} is at L${r.level} with no evidence attached`,
      });
    if (input.lastAcceptedOn !== null && r.updatedOn < input.lastAcceptedOn)
      items.push({
        kind: "not_reviewed",
        subject: r.functionalityCode,
        message: `${nameOf(r)} has not been reviewed since the last accepted return`,
      });
  }
  const due = previousPeriod(input.period);
  for (const line of input.benefitLines) {
    if (line.status !== "in_progress") continue;
    if (!line.actualPeriods.includes(due))
      items.push({
        kind: "overdue_actual",
        subject: line.id,
        message: `${line.title}: no actual recorded for ${due}`,
      });
  }
  const periodEnd = periodRange(input.period).end;
  const cutOff = input.today < periodEnd ? input.today : periodEnd;
  for (const item of input.planItems) {
    if (item.targetDate < cutOff && item.currentLevel < item.targetLevel)
      items.push({
        kind: "plan_past_due",
        subject: item.id,
        message: `${item.functionalityCode}: L${item.targetLevel} was planned by ${item.targetDate}, now L${item.currentLevel}`,
      });
  }
  return items;
}
