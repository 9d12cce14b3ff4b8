import {
  countNationalAdmins,
  type DB,
  lockRoleBinding,
  organisationExists,
  updateRoleBinding,
  writeAudit,
} from "@realise/db";
import {
  AppError,
  bindingIssues,
  bindingNeedsTrust,
  checkBindingChange,
  type Principal,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { AccountsChangeBinding } from "../../contracts/accounts.js";

/**
 * Change an account's role and trust. The last national admin cannot be demoted, or nobody could
 * administer the service.
 */
export async function changeAccountBinding(db: Kysely<DB>, input: AccountsChangeBinding, actor: Principal) {
  const next = { role: input.role, odsCode: input.odsCode };
  return db.transaction().execute(async (trx) => {
    const trustExists = bindingNeedsTrust(next) ? await organisationExists(trx, next.odsCode) : false;
    const issues = bindingIssues(next, trustExists);
    if (issues.length > 0) throw AppError.invalid(issues);
    const current = await lockRoleBinding(trx, input.userId);
    if (!current) throw AppError.notFound("No account has that id");
    const admins = current.role === "national_admin" ? await countNationalAdmins(trx) : 0;
    checkBindingChange(current, input.expected, next, admins);
    // Nobody changes their own role (checked after the last-admin rule, which says more).
    if (input.userId === actor.userId)
      throw AppError.field("userId", "You cannot change your own role; ask another national admin");
    await updateRoleBinding(trx, input.userId, next);
    await writeAudit(trx, actor, {
      action: "account.binding",
      entity: "user",
      entityKey: input.userId,
      odsCode: input.odsCode ?? current.odsCode,
      before: { role: current.role, odsCode: current.odsCode },
      after: next,
    });
    return { userId: input.userId, role: input.role, odsCode: input.odsCode };
  });
}
