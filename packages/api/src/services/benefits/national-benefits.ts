import { benefitLines, currentFramework, type DB, listOrganisations } from "@realise/db";
import { benefitRollUp } from "@realise/domain";
import type { Kysely } from "kysely";
import { type OversightScope, scopeKey, withinScope } from "../guards/oversight-scope.js";
import { versioned } from "../versioned.js";

/** Benefits across the nation by type, class, region, ICB and supplier, with double counting removed. */
export async function nationalBenefits(db: Kysely<DB>, scope: OversightScope | null = null) {
  return versioned(db, `benefits.national|${scopeKey(scope)}`, () => computeBenefits(db, scope));
}

async function computeBenefits(db: Kysely<DB>, scope: OversightScope | null) {
  const [framework, lines, trusts] = await Promise.all([
    currentFramework(db),
    benefitLines(db, null),
    listOrganisations(db),
  ]);
  return benefitRollUp({
    lines: withinScope(scope, lines),
    benefitTypes: framework.benefitTypes,
    trusts: withinScope(scope, trusts),
  });
}
