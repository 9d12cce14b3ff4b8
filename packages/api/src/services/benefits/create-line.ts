import { randomUUID } from "node:crypto";
import {
  type BenefitLineRow,
  benefitLines,
  currentFramework,
  type DB,
  insertBenefitLine,
  organisationType,
  writeAudit,
} from "@realise/db";
import { AppError, lineReferenceIssues, normaliseLineFields, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsCreateInput } from "../../contracts/benefits.js";
import { trustWrite } from "../guards/trust-write.js";

/** Add a line to a trust's register, audited in the same transaction. */
export async function createBenefitLine(
  db: Kysely<DB>,
  input: BenefitsCreateInput,
  actor: Principal,
): Promise<BenefitLineRow> {
  return trustWrite(db, input.odsCode, async (trx) => {
    const framework = await currentFramework(trx);
    const issues = lineReferenceIssues(framework, input.line);
    if (issues.length > 0) throw AppError.invalid(issues.map((i) => ({ ...i, path: ["line", ...i.path] })));
    await organisationType(trx, input.odsCode);
    const id = randomUUID();
    await insertBenefitLine(trx, {
      id,
      odsCode: input.odsCode,
      fields: normaliseLineFields(input.line),
      updatedBy: actor.email,
    });
    const [after] = await benefitLines(trx, input.odsCode, [id]);
    await writeAudit(trx, actor, {
      action: "benefit.create",
      entity: "benefit_line",
      entityKey: id,
      odsCode: input.odsCode,
      before: null,
      after,
    });
    return after!;
  });
}
