import { type BenefitLineRow, benefitLines, type DB } from "@realise/db";
import { type ActualsFile, checkActualsImport, type ImportPreview } from "@realise/domain";
import type { Kysely } from "kysely";
import Papa from "papaparse";

/** Read an actuals CSV: a leading byte-order mark dropped, blank lines skipped, headers trimmed and lower case. */
function readActualsFile(csv: string): ActualsFile {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const unreadable = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.row !== undefined && e.row !== null) unreadable.set(e.row, e.message);
  }
  return { columns: parsed.meta.fields ?? [], rows: parsed.data, unreadable };
}

/**
 * Read an actuals CSV and check it against the trust's register as it is in `db` (a transaction when the
 * caller is about to write); writes nothing. Also returns the register, keyed by line id.
 */
export async function checkActualsCsv(
  db: Kysely<DB>,
  odsCode: string,
  csv: string,
  today: string,
): Promise<{ preview: ImportPreview; lines: Map<string, BenefitLineRow> }> {
  const lines = new Map((await benefitLines(db, odsCode)).map((l) => [l.id, l]));
  return { preview: checkActualsImport(readActualsFile(csv), lines, odsCode, today), lines };
}
