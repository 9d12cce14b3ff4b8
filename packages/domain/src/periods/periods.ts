import { formatPeriod, parsePeriod, type ParsedPeriod } from "./schema.js";

function mustParse(period: string): ParsedPeriod {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`Not a period: "${period}" (expected e.g. 2025/26 or 2025/26 Q4)`);
  return p;
}

function ymd(date: Date | string): { y: number; m: number } {
  if (typeof date === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!m) throw new RangeError(`Not a date: "${date}" (expected YYYY-MM-DD)`);
    return { y: Number(m[1]), m: Number(m[2]) };
  }
  if (Number.isNaN(date.getTime())) throw new RangeError("Not a valid date");
  // UTC, so a server in any time zone puts midnight 1 April in the same quarter.
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1 };
}

/**
 * The financial year or quarter a date falls in.
 *
 * Why: NHS returns are by financial year (April to March); a date string is read as written, a Date in UTC.
 */
export function periodOf(date: Date | string, kind: "year" | "quarter"): string {
  const { y, m } = ymd(date);
  const startYear = m >= 4 ? y : y - 1;
  const quarter = kind === "year" ? null : ((Math.floor(((m + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4);
  return formatPeriod({ startYear, quarter });
}

function lastDay(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const RANGES_KEPT = 1_000;
const ranges = new Map<string, { readonly start: string; readonly end: string }>();

/**
 * First and last day of a period, inclusive, as `YYYY-MM-DD`.
 *
 * Why: snapshots and "overdue" checks compare dates with periods.
 */
export function periodRange(period: string): { start: string; end: string } {
  // A period's days never change, and national roll-ups ask for the same few periods hundreds of thousands
  // of times (every benefit actual): parsing each time was most of the national benefits' and report's
  // time. Each caller gets its own copy, so no caller can change another's.
  let range = ranges.get(period);
  if (!range) {
    range = rangeOf(mustParse(period));
    if (ranges.size >= RANGES_KEPT) ranges.clear();
    ranges.set(period, range);
  }
  return { start: range.start, end: range.end };
}

function rangeOf(p: ParsedPeriod): { start: string; end: string } {
  if (p.quarter === null) return { start: `${p.startYear}-04-01`, end: `${p.startYear + 1}-03-31` };
  const firstMonth = (((p.quarter - 1) * 3 + 3) % 12) + 1; // Q1 → 4, Q2 → 7, Q3 → 10, Q4 → 1
  const y = p.quarter === 4 ? p.startYear + 1 : p.startYear;
  return { start: `${y}-${String(firstMonth).padStart(2, "0")}-01`, end: lastDay(y, firstMonth + 2) };
}

/** Whether a period is a year or a quarter. */
export function periodKind(period: string): "year" | "quarter" {
  return mustParse(period).quarter === null ? "year" : "quarter";
}

function shift(period: string, by: number): string {
  const p = mustParse(period);
  if (p.quarter === null) return formatPeriod({ startYear: p.startYear + by, quarter: null });
  const index = p.startYear * 4 + (p.quarter - 1) + by;
  return formatPeriod({ startYear: Math.floor(index / 4), quarter: ((index % 4) + 1) as 1 | 2 | 3 | 4 });
}

/**
 * The period before, of the same kind.
 *
 * Why: a trust's return is compared with its previous one, and actuals are due for the period just ended.
 */
export function previousPeriod(period: string): string {
  return shift(period, -1);
}

/** The period after, of the same kind. */
export function nextPeriod(period: string): string {
  return shift(period, 1);
}

/**
 * Orders periods by start date, a year before its own Q1.
 *
 * Why: period strings do not sort correctly as text once years and quarters mix.
 */
export function comparePeriods(a: string, b: string): number {
  const ra = periodRange(a);
  const rb = periodRange(b);
  if (ra.start !== rb.start) return ra.start < rb.start ? -1 : 1;
  if (ra.end !== rb.end) return ra.end > rb.end ? -1 : 1;
  return 0;
}

/**
 * Every quarter from the first quarter of `from` to the last quarter of `to`, inclusive; empty if `to` is
 * before `from`. Years are expanded to their quarters.
 *
 * Why: trend charts need every quarter on the axis, including ones with no data.
 */
export function listQuarters(from: string, to: string): string[] {
  const f = mustParse(from);
  const t = mustParse(to);
  const start = f.startYear * 4 + ((f.quarter ?? 1) - 1);
  const end = t.startYear * 4 + ((t.quarter ?? 4) - 1);
  const out: string[] = [];
  for (let i = start; i <= end; i++)
    out.push(formatPeriod({ startYear: Math.floor(i / 4), quarter: ((i % 4) + 1) as 1 | 2 | 3 | 4 }));
  return out;
}
