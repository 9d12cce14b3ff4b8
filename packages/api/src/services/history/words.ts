// Values as a trust lead reads them in a history: labels, never stored codes; dates in the NHS style.

const calendarDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

export const BENEFIT_CLASS_WORDS: Record<string, string> = {
  cash_releasing: "Cash-releasing",
  non_cash_releasing: "Non-cash-releasing",
  quantitative_non_monetised: "Quantitative, not monetised",
  qualitative: "Qualitative",
  wider_societal: "Wider societal",
};
export const BENEFIT_STATUS_WORDS: Record<string, string> = {
  planned: "Planned",
  in_progress: "In progress",
  realised: "Realised",
  not_realised: "Not realised",
};
export const CONFIDENCE_WORDS: Record<string, string> = { low: "Low", medium: "Medium", high: "High" };
export const DIRECTION_WORDS: Record<string, string> = {
  increase: "Should increase",
  decrease: "Should decrease",
};
export const PLAN_STATUS_WORDS: Record<string, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  at_risk: "At risk",
};
export const LEVEL_WORDS: Record<number, string> = {
  0: "L0 Not in place",
  1: "L1 Planned",
  2: "L2 Live (partial)",
  3: "L3 Adopted",
  4: "L4 Embedded",
  5: "L5 Optimised",
};

/** "2026-12-01" → "1 December 2026"; anything unreadable as it is. */
export function dateWords(value: unknown): string {
  if (typeof value !== "string") return "none";
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? value : calendarDate.format(d);
}

export const numberWords = (value: unknown) =>
  typeof value === "number" ? number.format(value) : value == null ? "none" : String(value);
export const gbpWords = (value: unknown) => (typeof value === "number" ? gbp.format(value) : "not monetised");
export const labelWords = (labels: Record<string, string>, value: unknown) =>
  value == null || value === "" ? "none" : (labels[String(value)] ?? String(value));
export const textWords = (value: unknown) =>
  value == null || value === "" ? "none" : Array.isArray(value) ? value.join(", ") || "none" : String(value);

/** One field's change, as the history shows it. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** One entry of a history: when, who, what in a sentence, and each field's before → after. */
export interface HistoryEntry {
  id: string;
  at: string;
  by: string | null;
  /** What the entry is about (a benefit line's title, a plan item's functionality). */
  subject: string;
  /** What happened, in a sentence. */
  summary: string;
  changes: FieldChange[];
}

/** The fields that differ between two snapshots, each put into words by its own formatter. */
export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  fields: ReadonlyArray<readonly [key: string, label: string, words: (v: unknown) => string]>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [key, label, words] of fields) {
    const b = before?.[key];
    const a = after?.[key];
    if (JSON.stringify(b ?? null) === JSON.stringify(a ?? null)) continue;
    changes.push({
      field: label,
      before: before ? words(b) : "none",
      after: after ? words(a) : "none",
    });
  }
  return changes;
}

/** An audit row's JSON column, parsed whichever way the engine returns it. */
export const asRecord = (v: unknown): Record<string, unknown> | null =>
  v == null ? null : ((typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown>);
