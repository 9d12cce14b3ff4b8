import { readFileSync } from "node:fs";
import Papa from "papaparse";

/** The reference CSVs ship beside the built code (packages/db/data), with their source notes. */
const dataDir = new URL("../../data/", import.meta.url);

/** Parse one of the shipped reference CSV files into header-keyed rows. */
export function readReferenceCsv(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(file, dataDir), "utf8");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    throw new Error(`${file}: ${parsed.errors[0]?.message} at row ${parsed.errors[0]?.row}`);
  }
  return parsed.data;
}
