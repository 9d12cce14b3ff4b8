import { benefitLines, currentFramework, type DB, listOrganisations } from "@realise/db";
import { benefitRollUp } from "@realise/domain";
import type { Kysely } from "kysely";
import { type OversightScope, withinScope } from "../guards/oversight-scope.js";

/** Benefits across the nation by type, class, region, ICB and supplier, with double counting removed. */
export async function nationalBenefits(db: Kysely<DB>, scope: OversightScope | null = null) {
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
