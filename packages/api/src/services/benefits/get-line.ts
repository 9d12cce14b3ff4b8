import { benefitLines, type DB } from "@realise/db";
import { AppError, withProgress } from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsGetInput } from "../../contracts/benefits.js";

/** One line of a trust, with its actuals and progress (a withdrawn line too, marked as withdrawn). */
export async function benefitLine(db: Kysely<DB>, input: BenefitsGetInput) {
  const [line] = await benefitLines(db, input.odsCode, [input.id], "include");
  if (!line) throw AppError.notFound(`Trust ${input.odsCode} has no benefit line ${input.id}`);
  return withProgress(line);
}
