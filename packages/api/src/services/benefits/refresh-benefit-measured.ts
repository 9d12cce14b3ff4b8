import { benefitLines, type DB, lockAdoptionRecords, saveBenefitMeasured, writeAudit } from "@realise/db";
import {
  benefitMeasuredFor,
  type Framework,
  levelWithBenefitMeasured,
  type Principal,
  type ValidationState,
} from "@realise/domain";
import type { Kysely } from "kysely";
import { refreshOrganisationTier } from "../adoption/refresh-tier.js";

/**
 * Inside the caller's transaction, mark the trust's adoption records "benefit measured" when a linked line
 * shows measured improvement (and unmark them when none does), re-derive their levels, and refresh the
 * trust's tier when any level moved. Returns the functionalities whose records changed.
 */
export async function refreshBenefitMeasured(
  trx: Kysely<DB>,
  framework: Framework,
  odsCode: string,
  functionalityCodes: readonly string[],
  actor: Principal | null,
): Promise<string[]> {
  const codes = [...new Set(functionalityCodes)];
  if (codes.length === 0) return [];
  const records = await lockAdoptionRecords(trx, odsCode, codes);
  const lines = await benefitLines(trx, odsCode);
  const changed: string[] = [];
  for (const r of records) {
    const measured = benefitMeasuredFor(odsCode, r.functionalityCode, lines);
    if (measured === r.benefitMeasured) continue;
    const functionality = framework.functionalities.find((f) => f.code === r.functionalityCode);
    if (!functionality) continue;
    const next = levelWithBenefitMeasured(
      functionality,
      { ...r, validationState: r.validationState as ValidationState },
      measured,
    );
    await saveBenefitMeasured(trx, r, {
      benefitMeasured: measured,
      derivedLevel: next.derivedLevel,
      level: next.level,
      rule: next.rule,
      version: r.version + 1,
      updatedBy: actor?.email ?? null,
    });
    await writeAudit(trx, actor, {
      action: "adoption.benefit_measured",
      entity: "adoption_record",
      entityKey: `${odsCode}/${r.functionalityCode}`,
      odsCode,
      before: { benefitMeasured: r.benefitMeasured, level: r.level, version: r.version },
      after: { benefitMeasured: measured, level: next.level, rule: next.rule, version: r.version + 1 },
    });
    changed.push(r.functionalityCode);
  }
  if (changed.length > 0) await refreshOrganisationTier(trx, framework, odsCode);
  return changed;
}
