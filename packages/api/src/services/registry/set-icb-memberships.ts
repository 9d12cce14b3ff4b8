import {
  bumpOrganisationVersion,
  type DB,
  icbsByCode,
  membershipsOf,
  replaceMemberships,
  writeAudit,
} from "@realise/db";
import { AppError, membershipIssues, noIcbWarning, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { RegistryAdminSetIcbMemberships } from "../../contracts/registry.js";
import { today } from "../clock.js";
import { lockOrganisationAt } from "./lock-organisation.js";

/**
 * Replace a trust's ICB membership history (e.g. end one membership the day before a merger and start the
 * merged ICB's). Memberships must not overlap and must sit inside the ICB's own validity; a history that
 * leaves the trust in no ICB today is saved with a warning saying so.
 */
export async function setIcbMemberships(
  db: Kysely<DB>,
  input: RegistryAdminSetIcbMemberships,
  actor: Principal,
) {
  return db.transaction().execute(async (trx) => {
    const org = await lockOrganisationAt(trx, input.odsCode, input.expectedVersion);
    const icbs = await icbsByCode(trx, [...new Set(input.memberships.map((m) => m.icbCode))]);
    const issues = membershipIssues(input.odsCode, input.memberships, icbs);
    if (issues.length > 0)
      throw AppError.invalid(issues.map((i) => ({ ...i, path: ["memberships", ...i.path] })));
    const before = await membershipsOf(trx, input.odsCode);
    await replaceMemberships(trx, input.odsCode, input.memberships);
    const version = org.version + 1;
    await bumpOrganisationVersion(trx, input.odsCode, version);
    await writeAudit(trx, actor, {
      action: "organisation.icb_memberships",
      entity: "organisation",
      entityKey: input.odsCode,
      odsCode: input.odsCode,
      before,
      after: [...input.memberships].sort((a, b) => a.validFrom.localeCompare(b.validFrom)),
    });
    const warning = noIcbWarning(input.odsCode, input.memberships, today());
    return { odsCode: input.odsCode, version, warnings: warning ? [warning] : [] };
  });
}
