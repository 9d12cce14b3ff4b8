import Papa from "papaparse";

/**
 * Rows as CSV with a header line. Cells that a spreadsheet would run as a formula are prefixed with a
 * quote, so opening the file never executes anything (OWASP CSV injection).
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const safe = rows.map((row) =>
    columns.map((c) => {
      const value = row[c];
      if (value === null || value === undefined) return "";
      if (Array.isArray(value)) return value.join(";");
      if (typeof value === "string" && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
      return value;
    }),
  );
  return Papa.unparse({ fields: [...columns], data: safe }, { newline: "\r\n" });
}
