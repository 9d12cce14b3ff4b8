import { countNationalAdmins, type DB, updateRoleBinding, writeAudit } from "@realise/db";
import { checkRoleChange, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { TeamChangeRole } from "../../contracts/team.js";
import { lockTarget } from "../accounts/lifecycle.js";

/** Change a colleague's role within the trust (viewer, editor, approver); never one's own. */
export async function changeTeamRole(db: Kysely<DB>, input: TeamChangeRole, actor: Principal) {
  return db.transaction().execute(async (trx) => {
    const account = await lockTarget(trx, { userId: input.userId, odsCode: input.odsCode });
    checkRoleChange(
      actor,
      account,
      input.role,
      account.role === "national_admin" ? await countNationalAdmins(trx) : 0,
    );
    if (account.role !== input.role) {
      await updateRoleBinding(trx, account.userId, { role: input.role, odsCode: input.odsCode });
      await writeAudit(trx, actor, {
        action: "team.changeRole",
        entity: "user",
        entityKey: account.userId,
        odsCode: input.odsCode,
        before: { role: account.role },
        after: { role: input.role },
      });
    }
    return { userId: account.userId, role: input.role };
  });
}
