import type { FieldIssue } from "../errors/app-error.js";
import { PeriodSchema } from "../periods/schema.js";
import { periodNotStarted } from "./actuals.js";

/** Columns of the actuals import, in template order. */
export const ACTUALS_CSV_COLUMNS = ["benefit_id", "title", "period", "value", "source"] as const;
/** Columns an import cannot do without. */
const REQUIRED_COLUMNS = ["benefit_id", "period", "value"] as const;
/** Rows one import may carry, so one request's work stays bounded. */
export const MAX_IMPORT_ROWS = 2000;

/** An actuals file once read: its header (trimmed, lower case), its rows, and the rows it could not read. */
export interface ActualsFile {
  columns: readonly string[];
  rows: ReadonlyArray<Readonly<Record<string, string | undefined>>>;
  /** Why a row could not be read, by its index in `rows`. */
  unreadable: ReadonlyMap<number, string>;
}

/** What the import needs to know of a register line. */
export interface ImportableLine {
  title: string;
  actuals: ReadonlyArray<{ period: string; value: number }>;
}

export interface ImportRowError {
  /** Row in the file, counting the header as row 1. */
  row: number;
  field: string;
  reason: string;
}
export interface ImportRow {
  row: number;
  benefitId: string;
  title: string;
  period: string;
  value: number;
  source: string | null;
  /** The value this replaces, when the period already has an actual. */
  replaces: number | null;
}
export interface ImportPreview {
  rows: ImportRow[];
  errors: ImportRowError[];
  /** Rows read (blank lines skipped). */
  total: number;
}

/**
 * Checks an actuals file against a trust's register: every good row with the value it replaces, every bad
 * row with its field and reason. A row may not name another trust's line, a period not yet started, or a
 * period an earlier row of the file already gives for the same line.
 */
export function checkActualsImport(
  file: ActualsFile,
  register: ReadonlyMap<string, ImportableLine>,
  odsCode: string,
  today: string,
): ImportPreview {
  const total = file.rows.length;
  const missing = REQUIRED_COLUMNS.filter((col) => !file.columns.includes(col));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: missing.map((col) => ({ row: 1, field: col, reason: `The header has no "${col}" column` })),
      total,
    };
  }
  if (total > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      errors: [
        {
          row: MAX_IMPORT_ROWS + 2,
          field: "(file)",
          reason: `At most ${MAX_IMPORT_ROWS} rows can be imported at once`,
        },
      ],
      total,
    };
  }
  const rows: ImportRow[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  file.rows.forEach((raw, index) => {
    const row = index + 2;
    const rowErrors: ImportRowError[] = [];
    const fail = (field: string, reason: string) => rowErrors.push({ row, field, reason });
    const problem = file.unreadable.get(index);
    if (problem) fail("(row)", `The row could not be read: ${problem}`);
    const benefitId = (raw.benefit_id ?? "").trim();
    const periodText = (raw.period ?? "").trim();
    const valueText = (raw.value ?? "").trim().replace(/,/g, "");
    const sourceText = (raw.source ?? "").trim();
    const line = register.get(benefitId);
    if (benefitId === "") fail("benefit_id", "Benefit id is required");
    else if (!line) fail("benefit_id", `Trust ${odsCode} has no benefit line ${benefitId}`);
    const period = PeriodSchema.safeParse(periodText);
    if (periodText === "") fail("period", "Period is required");
    else if (!period.success) fail("period", period.error.issues[0]?.message ?? "Period is not valid");
    else if (periodNotStarted(period.data, today)) fail("period", `${period.data} has not started yet`);
    const value = Number(valueText);
    if (valueText === "") fail("value", "Value is required");
    else if (!Number.isFinite(value)) fail("value", `Value must be a number, not "${raw.value}"`);
    if (sourceText.length > 500) fail("source", "Source must be at most 500 characters");
    if (period.success && benefitId !== "") {
      const key = `${benefitId}\u0000${period.data}`;
      const first = seen.get(key);
      if (first !== undefined) fail("period", `Row ${first} already gives ${period.data} for this benefit`);
      else seen.set(key, row);
    }
    if (rowErrors.length > 0 || !line || !period.success) {
      errors.push(...rowErrors);
      return;
    }
    rows.push({
      row,
      benefitId,
      title: line.title,
      period: period.data,
      value,
      source: sourceText === "" ? null : sourceText,
      replaces: line.actuals.find((a) => a.period === period.data)?.value ?? null,
    });
  });
  return { rows, errors, total };
}

/**
 * Why an import cannot be written, or nothing when it can: each bad row as `row N` and its column, or, for
 * a file with no rows, the file itself (the empty path). The import is all or nothing.
 */
export function importRefusal(preview: ImportPreview): FieldIssue[] {
  if (preview.errors.length > 0) {
    return preview.errors.map((e) => ({ path: [`row ${e.row}`, e.field], message: e.reason }));
  }
  if (preview.rows.length === 0) return [{ path: [], message: "The file has no rows to import" }];
  return [];
}
