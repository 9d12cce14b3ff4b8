import {
  type DB,
  deleteAssignment,
  enqueueMail,
  lockAccount,
  lockAssignment,
  returnTrust,
  saveAssignment,
  writeAudit,
} from "@realise/db";
import { AppError, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { AssignmentsAssign, AssignmentsUnassign } from "../../contracts/work.js";
import { assignmentMail } from "../../mail/account-messages.js";
import { appUrlOr } from "../team/tokens.js";
import { subjectLabel, subjectOf } from "./subjects.js";

/**
 * Give a tier, a functionality, a benefit line or a plan item to a colleague who can change records (an
 * editor or approver of the same trust, not disabled). The assignee is emailed; giving it again to the
 * same person changes nothing and sends nothing.
 */
export async function assignWork(
  db: Kysely<DB>,
  input: AssignmentsAssign,
  actor: Principal,
  appUrl?: string,
) {
  const { kind, key } = subjectOf(input);
  return db.transaction().execute(async (trx) => {
    const what = await subjectLabel(trx, input.odsCode, kind, key);
    const assignee = await lockAccount(trx, input.assigneeUserId);
    if (!assignee || assignee.odsCode !== input.odsCode)
      throw AppError.field("assigneeUserId", `Choose a colleague with an account at trust ${input.odsCode}`);
    if (assignee.disabledAt) throw AppError.field("assigneeUserId", `${assignee.name}'s account is disabled`);
    if (assignee.role === "trust_viewer")
      throw AppError.field(
        "assigneeUserId",
        `${assignee.name} is a viewer and cannot change records; make them an editor first`,
      );
    const before = await lockAssignment(trx, input.odsCode, kind, key);
    if (before?.assigneeUserId === assignee.userId)
      return { kind, key, what, assigneeUserId: assignee.userId };
    await saveAssignment(trx, {
      odsCode: input.odsCode,
      kind,
      key,
      assigneeUserId: assignee.userId,
      assignedBy: actor.email,
    });
    await writeAudit(trx, actor, {
      action: "assignment.assign",
      entity: "assignment",
      entityKey: `${input.odsCode}/${kind}/${key}`,
      odsCode: input.odsCode,
      before: before ? { assigneeUserId: before.assigneeUserId } : undefined,
      after: { assigneeUserId: assignee.userId, assignee: assignee.email, what },
    });
    if (assignee.userId !== actor.userId) {
      const trust = await returnTrust(trx, input.odsCode);
      await enqueueMail(
        trx,
        assignmentMail({
          email: assignee.email,
          trustName: trust.name,
          what,
          assignedBy: actor.name || actor.email,
          link: `${appUrlOr(appUrl)}/my-work`,
        }),
      );
    }
    return { kind, key, what, assigneeUserId: assignee.userId };
  });
}

/** Take an assignment back: the subject is nobody's. */
export async function unassignWork(db: Kysely<DB>, input: AssignmentsUnassign, actor: Principal) {
  const { kind, key } = subjectOf(input);
  return db.transaction().execute(async (trx) => {
    const before = await lockAssignment(trx, input.odsCode, kind, key);
    if (!before) return { kind, key, removed: false };
    await deleteAssignment(trx, input.odsCode, kind, key);
    await writeAudit(trx, actor, {
      action: "assignment.unassign",
      entity: "assignment",
      entityKey: `${input.odsCode}/${kind}/${key}`,
      odsCode: input.odsCode,
      before: { assigneeUserId: before.assigneeUserId },
    });
    return { kind, key, removed: true };
  });
}
