import {
  currentFramework,
  type DB,
  lockTrustBenefitLines,
  organisationType,
  setBenefitLineVersion,
} from "@realise/db";
import { AppError, importRefusal, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsCommitImportInput } from "../../contracts/benefits.js";
import { checkActualsCsv } from "./check-actuals-csv.js";
import { refreshBenefitMeasured } from "./refresh-benefit-measured.js";
import { writeActual } from "./write-actual.js";
import { trustWrite } from "../guards/trust-write.js";
import { today as clockToday } from "../clock.js";

/**
 * Re-check an actuals CSV and write every row, or nothing when any row is bad. Each line touched moves to
 * its next version, and the functionalities the lines enable are re-derived, with the trust's tier, in the
 * same transaction.
 */
export async function commitActualsImport(
  db: Kysely<DB>,
  input: BenefitsCommitImportInput,
  actor: Principal,
  today = clockToday(),
): Promise<{ imported: number; lines: number }> {
  return trustWrite(db, input.odsCode, async (trx) => {
    const framework = await currentFramework(trx);
    // Lock the trust's lines first so the check and the write see the same register.
    await lockTrustBenefitLines(trx, input.odsCode);
    await organisationType(trx, input.odsCode);
    const { preview, lines } = await checkActualsCsv(trx, input.odsCode, input.csv, today);
    const refusal = importRefusal(preview);
    if (refusal.length > 0) {
      // Bad rows are named as users read them ("row 4.benefit_id"); an empty file is the csv field itself.
      throw AppError.invalid(refusal.map((i) => (i.path.length === 0 ? { ...i, path: ["csv"] } : i)));
    }
    const touched = new Set<string>();
    for (const r of preview.rows) {
      await writeActual(
        trx,
        lines.get(r.benefitId)!,
        { period: r.period, value: r.value, source: r.source },
        actor,
        "benefit.actual.import",
      );
      touched.add(r.benefitId);
    }
    const codes: string[] = [];
    for (const id of touched) {
      const line = lines.get(id)!;
      await setBenefitLineVersion(trx, id, { version: line.version + 1, updatedBy: actor.email });
      codes.push(...line.enablingFunctionalities);
    }
    await refreshBenefitMeasured(trx, framework, input.odsCode, codes, actor);
    return { imported: preview.rows.length, lines: touched.size };
  });
}
