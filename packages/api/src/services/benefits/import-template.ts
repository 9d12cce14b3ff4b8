import { benefitLines, type DB, organisationType } from "@realise/db";
import { ACTUALS_CSV_COLUMNS, actualsDuePeriod } from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsImportTemplateInput } from "../../contracts/benefits.js";
import { toCsv } from "../../lib/csv.js";

/** A template to fill in: one row per line being tracked (planned or in progress), for the period now due. */
export async function actualsTemplateCsv(
  db: Kysely<DB>,
  input: BenefitsImportTemplateInput,
  today = new Date(),
): Promise<string> {
  await organisationType(db, input.odsCode);
  const due = actualsDuePeriod(today);
  const lines = (await benefitLines(db, input.odsCode)).filter(
    (l) => l.status === "in_progress" || l.status === "planned",
  );
  return toCsv(
    lines.map((l) => ({ benefit_id: l.id, title: l.title, period: due, value: "", source: "" })),
    ACTUALS_CSV_COLUMNS,
  );
}
