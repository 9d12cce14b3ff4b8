import { type DB, organisationType } from "@realise/db";
import type { ImportPreview } from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsPreviewImportInput } from "../../contracts/benefits.js";
import { checkActualsCsv } from "./check-actuals-csv.js";

/** Check an actuals CSV against the trust's register: each row's result, each bad row's field and reason. */
export async function previewActualsImport(
  db: Kysely<DB>,
  input: BenefitsPreviewImportInput,
  today = new Date().toISOString().slice(0, 10),
): Promise<ImportPreview> {
  await organisationType(db, input.odsCode);
  return (await checkActualsCsv(db, input.odsCode, input.csv, today)).preview;
}
