import { type DB, findSupplier, updateOrganisationEprRow, writeAudit } from "@realise/db";
import { AppError, eprIssues, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { RegistryAdminUpdateEpr } from "../../contracts/registry.js";
import { lockOrganisationAt } from "./lock-organisation.js";

/** Change a trust's EPR status, supplier and product; the supplier must be one the registry knows. */
export async function updateOrganisationEpr(db: Kysely<DB>, input: RegistryAdminUpdateEpr, actor: Principal) {
  return db.transaction().execute(async (trx) => {
    const org = await lockOrganisationAt(trx, input.odsCode, input.expectedVersion);
    const supplierKnown = input.eprSupplier ? (await findSupplier(trx, input.eprSupplier)) !== null : true;
    const issues = eprIssues(input, supplierKnown);
    if (issues.length > 0) throw AppError.invalid(issues);
    const version = org.version + 1;
    await updateOrganisationEprRow(trx, input.odsCode, input, version);
    await writeAudit(trx, actor, {
      action: "organisation.epr",
      entity: "organisation",
      entityKey: input.odsCode,
      odsCode: input.odsCode,
      before: { eprStatus: org.epr_status, eprSupplier: org.epr_supplier, eprProduct: org.epr_product },
      after: { eprStatus: input.eprStatus, eprSupplier: input.eprSupplier, eprProduct: input.eprProduct },
    });
    return { odsCode: input.odsCode, version };
  });
}
