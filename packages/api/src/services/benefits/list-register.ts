import { adoptionLevels, benefitLines, currentFramework, type DB, organisationType } from "@realise/db";
import {
  actualsDuePeriod,
  type BenefitFlag,
  benefitFlags,
  periodOf,
  registerTotals,
  withProgress,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsListInput } from "../../contracts/benefits.js";

/** A trust's register: lines with progress, flags, and totals with double counting removed. */
export async function benefitRegister(db: Kysely<DB>, input: BenefitsListInput, today = new Date()) {
  await organisationType(db, input.odsCode);
  const [framework, lines, records] = await Promise.all([
    currentFramework(db),
    benefitLines(db, input.odsCode),
    adoptionLevels(db, input.odsCode),
  ]);
  const currentPeriod = periodOf(today, "quarter");
  const flags: BenefitFlag[] = benefitFlags({ records, lines, currentPeriod, framework });
  return {
    currentPeriod,
    duePeriod: actualsDuePeriod(today),
    lines: lines.map(withProgress),
    flags,
    totals: registerTotals(lines),
    levels: Object.fromEntries(records.map((r) => [r.functionalityCode, r.level])) as Record<string, number>,
    benefitTypes: framework.benefitTypes,
    functionalities: framework.functionalities.map((f) => ({
      code: f.code,
      name: f.name,
      shortName: f.shortName ?? null,
      tier: f.tier,
    })),
  };
}
