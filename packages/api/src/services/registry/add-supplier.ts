import { type DB, findSupplierIgnoringCase, insertSupplier, writeAudit } from "@realise/db";
import { AppError, type Principal, supplierNameIssues } from "@realise/domain";
import type { Kysely } from "kysely";

/** Add a supplier name to the registry's list. */
export async function addEprSupplier(db: Kysely<DB>, input: { name: string }, actor: Principal) {
  return db.transaction().execute(async (trx) => {
    const issues = supplierNameIssues(await findSupplierIgnoringCase(trx, input.name));
    if (issues.length > 0) throw AppError.invalid(issues);
    await insertSupplier(trx, input.name);
    await writeAudit(trx, actor, {
      action: "epr_supplier.create",
      entity: "epr_supplier",
      entityKey: input.name,
      after: { name: input.name },
    });
    return { name: input.name };
  });
}
