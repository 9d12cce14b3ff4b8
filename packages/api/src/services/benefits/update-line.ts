import {
  type BenefitLineRow,
  benefitLines,
  currentFramework,
  type DB,
  updateBenefitLineFields,
  writeAudit,
} from "@realise/db";
import { AppError, lineReferenceIssues, normaliseLineFields, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsUpdateInput } from "../../contracts/benefits.js";
import { lockLineAt } from "./lock-line.js";
import { refreshBenefitMeasured } from "./refresh-benefit-measured.js";
import { trustWrite } from "../guards/trust-write.js";

/**
 * Change a line at the version read; a stale version is refused with what is there now. A change to its
 * enabling functionalities or its figures can move those functionalities' levels, so they are re-derived
 * (both the ones it enabled before and the ones it enables now) in the same transaction.
 */
export async function updateBenefitLine(
  db: Kysely<DB>,
  input: BenefitsUpdateInput,
  actor: Principal,
): Promise<BenefitLineRow> {
  return trustWrite(db, input.odsCode, async (trx) => {
    const framework = await currentFramework(trx);
    const issues = lineReferenceIssues(framework, input.line);
    if (issues.length > 0) throw AppError.invalid(issues.map((i) => ({ ...i, path: ["line", ...i.path] })));
    const before = await lockLineAt(trx, input.odsCode, input.id, input.expectedVersion);
    await updateBenefitLineFields(trx, input.id, {
      fields: normaliseLineFields(input.line),
      version: before.version + 1,
      updatedBy: actor.email,
    });
    const [after] = await benefitLines(trx, input.odsCode, [input.id]);
    await writeAudit(trx, actor, {
      action: "benefit.update",
      entity: "benefit_line",
      entityKey: input.id,
      odsCode: input.odsCode,
      before,
      after,
    });
    await refreshBenefitMeasured(
      trx,
      framework,
      input.odsCode,
      [...before.enablingFunctionalities, ...input.line.enablingFunctionalities],
      actor,
    );
    return after!;
  });
}
