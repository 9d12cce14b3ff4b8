import { benefitLines, currentFramework, type DB, listOrganisations } from "@realise/db";
import { benefitRollUp } from "@realise/domain";
import type { Kysely } from "kysely";

/** Benefits across the nation by type, class, region, ICB and supplier, with double counting removed. */
export async function nationalBenefits(db: Kysely<DB>) {
  const [framework, lines, trusts] = await Promise.all([
    currentFramework(db),
    benefitLines(db, null),
    listOrganisations(db),
  ]);
  return benefitRollUp({ lines, benefitTypes: framework.benefitTypes, trusts });
}
