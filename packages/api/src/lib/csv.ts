import Papa from "papaparse";

/** What a spreadsheet would run as a formula when a cell starts with it (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as text: lists joined with ";", dates as ISO 8601, nothing for null. */
function cellText(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellText).join(";");
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * Rows as CSV with a header line, the one CSV writer of the server. Cells that a spreadsheet would run as
 * a formula are prefixed with a quote, so opening the file never executes anything; a list is checked
 * after it is joined, so one element cannot smuggle a formula in either.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const safe = rows.map((row) =>
    columns.map((c) => {
      const cell = cellText(row[c]);
      return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
    }),
  );
  return Papa.unparse({ fields: [...columns], data: safe }, { newline: "\r\n" });
}
