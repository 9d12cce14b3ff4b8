import { auditTrail, benefitLines, currentFramework, type DB, organisationType } from "@realise/db";
import type { Kysely } from "kysely";
import type { BenefitsHistoryInput } from "../../contracts/benefits.js";
import {
  asRecord,
  BENEFIT_CLASS_WORDS,
  BENEFIT_STATUS_WORDS,
  CONFIDENCE_WORDS,
  DIRECTION_WORDS,
  dateWords,
  fieldChanges,
  gbpWords,
  type HistoryEntry,
  labelWords,
  numberWords,
  textWords,
} from "../history/words.js";

type Words = (v: unknown) => string;

/**
 * Every change to a trust's benefit lines and their actuals (or one line's), newest first, each with
 * before → after in words: added, changed, an actual recorded or re-recorded (the old value kept here),
 * withdrawn. Read from the audit trail, so nothing is left out and nothing can be edited away.
 */
export async function benefitHistory(
  db: Kysely<DB>,
  input: BenefitsHistoryInput,
): Promise<{ entries: HistoryEntry[] }> {
  await organisationType(db, input.odsCode);
  const [framework, lines, rows] = await Promise.all([
    currentFramework(db),
    benefitLines(db, input.odsCode, input.id ? [input.id] : undefined, "include"),
    auditTrail(db, { entity: "benefit_line", odsCode: input.odsCode, entityKey: input.id, limit: 500 }),
  ]);
  const titleOf = new Map(lines.map((l) => [l.id, l.title]));
  const typeName = new Map(framework.benefitTypes.map((t) => [t.code, t.name]));
  const functionalityName = new Map(framework.functionalities.map((f) => [f.code, f.name]));
  const point = (v: unknown) => {
    const p = v as { value?: number; date?: string; source?: string } | null;
    if (!p) return "none";
    return `${numberWords(p.value)} on ${dateWords(p.date)}${p.source ? ` (${p.source})` : ""}`;
  };
  const fields: ReadonlyArray<readonly [string, string, Words]> = [
    ["title", "Title", textWords],
    ["benefitTypeCode", "Benefit type", (v) => typeName.get(String(v)) ?? textWords(v)],
    ["benefitClass", "Class", (v) => labelWords(BENEFIT_CLASS_WORDS, v)],
    ["isDisbenefit", "Dis-benefit", (v) => (v ? "Yes" : "No")],
    ["owner", "Owner", textWords],
    ["metric", "Metric", textWords],
    ["unit", "Unit", textWords],
    ["direction", "Direction", (v) => labelWords(DIRECTION_WORDS, v)],
    ["baseline", "Baseline", point],
    ["target", "Target", (v) => point(v).replace(" on ", " by ")],
    [
      "trajectory",
      "Trajectory",
      (v) => (Array.isArray(v) && v.length > 0 ? v.map(point).join("; ") : "none"),
    ],
    ["confidence", "Confidence", (v) => labelWords(CONFIDENCE_WORDS, v)],
    ["status", "Status", (v) => labelWords(BENEFIT_STATUS_WORDS, v)],
    [
      "enablingFunctionalities",
      "Enabling functionalities",
      (v) =>
        Array.isArray(v) && v.length > 0
          ? v.map((c) => `${c} ${functionalityName.get(String(c)) ?? ""}`.trim()).join(", ")
          : "none",
    ],
    ["fullYearValueGbp", "Full-year value", gbpWords],
    ["attributionPct", "Attribution", (v) => (typeof v === "number" ? `${numberWords(v)}%` : "none")],
    ["doubleCountGroup", "Double-count group", textWords],
    ["evidence", "Evidence", textWords],
  ];
  const entries = rows.map((row): HistoryEntry => {
    const before = asRecord(row.before);
    const after = asRecord(row.after);
    const title = String(after?.title ?? before?.title ?? titleOf.get(row.entityKey) ?? "A benefit line");
    const base = {
      id: String(row.id),
      at: new Date(row.at).toISOString(),
      by: row.actorEmail,
      subject: title,
    };
    switch (row.action) {
      case "benefit.create":
        return { ...base, summary: `Added the benefit “${title}”`, changes: [] };
      case "benefit.update":
        return {
          ...base,
          summary: `Changed the benefit “${title}”`,
          changes: fieldChanges(before, after, fields),
        };
      case "benefit.actual":
      case "benefit.actual.import": {
        const period = String(after?.period ?? before?.period ?? "");
        const how = row.action === "benefit.actual.import" ? " from a CSV import" : "";
        const changes = fieldChanges(before, after, [
          ["value", `Actual for ${period}`, numberWords],
          ["source", `Source for ${period}`, textWords],
        ]);
        return before
          ? {
              ...base,
              summary: `Re-recorded the actual for ${period}${how}: ${numberWords(before.value)} replaced by ${numberWords(after?.value)}`,
              changes,
            }
          : {
              ...base,
              summary: `Recorded the actual for ${period}${how}: ${numberWords(after?.value)}`,
              changes,
            };
      }
      case "benefit.withdraw":
        return {
          ...base,
          summary: `Withdrew the benefit “${title}”: ${String(after?.withdrawnReason ?? "no reason given")}`,
          changes: [
            { field: "In the register's totals", before: "Counted", after: "Withdrawn, not counted" },
          ],
        };
      default:
        return {
          ...base,
          summary: `Changed the benefit “${title}”`,
          changes: fieldChanges(before, after, fields),
        };
    }
  });
  return { entries };
}
