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

/** A trust's register: lines with progress, flags, totals with double counting removed, and withdrawn lines. */
export async function benefitRegister(db: Kysely<DB>, input: BenefitsListInput, today = new Date()) {
  await organisationType(db, input.odsCode);
  const [framework, lines, records, withdrawn] = await Promise.all([
    currentFramework(db),
    benefitLines(db, input.odsCode),
    adoptionLevels(db, input.odsCode),
    benefitLines(db, input.odsCode, undefined, "only"),
  ]);
  const currentPeriod = periodOf(today, "quarter");
  const flags: BenefitFlag[] = benefitFlags({ records, lines, currentPeriod, framework });
  return {
    currentPeriod,
    duePeriod: actualsDuePeriod(today),
    lines: lines.map(withProgress),
    /** Lines withdrawn from the register: kept for the history, out of every total. */
    withdrawnLines: withdrawn.map((l) => ({ id: l.id, title: l.title, withdrawn: l.withdrawn! })),
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
