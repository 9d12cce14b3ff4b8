import {
  type BenefitLineRow,
  benefitLines,
  currentFramework,
  type DB,
  setBenefitLineVersion,
} from "@realise/db";
import { AppError, actualIssues, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsRecordActualInput } from "../../contracts/benefits.js";
import { lockLineAt } from "./lock-line.js";
import { refreshBenefitMeasured } from "./refresh-benefit-measured.js";
import { writeActual } from "./write-actual.js";
import { trustWrite } from "../guards/trust-write.js";
import { today as clockToday } from "../clock.js";

/**
 * Record a line's actual for a period at the version read. A period that already has an actual is
 * re-recorded only when the user confirmed it (`replace: true`); otherwise a conflict says the value there,
 * and the history keeps the old value either way. A new actual can show measured improvement, so the
 * functionalities the line enables are re-derived, with the trust's tier, in the same transaction.
 */
export async function recordBenefitActual(
  db: Kysely<DB>,
  input: BenefitsRecordActualInput,
  actor: Principal,
  today = clockToday(),
): Promise<BenefitLineRow> {
  const issues = actualIssues(input, today);
  if (issues.length > 0) throw AppError.invalid(issues);
  return trustWrite(db, input.odsCode, async (trx) => {
    const framework = await currentFramework(trx);
    const before = await lockLineAt(trx, input.odsCode, input.id, input.expectedVersion);
    const existing = before.actuals.find((a) => a.period === input.period);
    if (existing && input.replace !== true) {
      throw AppError.conflict(
        `${input.period} already has an actual of ${existing.value}${existing.source ? ` (${existing.source})` : ""}; confirm to replace it with ${input.value} (the old value is kept in the history)`,
        { period: existing.period, value: existing.value, source: existing.source },
        ["value"],
      );
    }
    const actual = { period: input.period, value: input.value, source: input.source ? input.source : null };
    await writeActual(trx, before, actual, actor, "benefit.actual");
    await setBenefitLineVersion(trx, input.id, { version: before.version + 1, updatedBy: actor.email });
    await refreshBenefitMeasured(trx, framework, input.odsCode, before.enablingFunctionalities, actor);
    const [after] = await benefitLines(trx, input.odsCode, [input.id]);
    return after!;
  });
}
