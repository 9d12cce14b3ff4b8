import type { DB } from "@realise/db";
import type { ImportPreview } from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsPreviewImportInput } from "../../contracts/benefits.js";
import { trustWrite } from "../guards/trust-write.js";
import { checkActualsCsv } from "./check-actuals-csv.js";
import { today as clockToday } from "../clock.js";

/** Check an actuals CSV against the trust's register: each row's result, each bad row's field and reason. */
export async function previewActualsImport(
  db: Kysely<DB>,
  input: BenefitsPreviewImportInput,
  today = clockToday(),
): Promise<ImportPreview> {
  // Refused while a return locks the records, like the import it previews: a trust lead learns before
  // preparing a file that it cannot be imported yet.
  return trustWrite(
    db,
    input.odsCode,
    async (trx) => (await checkActualsCsv(trx, input.odsCode, input.csv, today)).preview,
  );
}
