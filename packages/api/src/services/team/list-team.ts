import { type DB, pendingInvitations, teamMembers } from "@realise/db";
import type { Kysely } from "kysely";

/** A trust's accounts (enabled and disabled) and the invitations not yet accepted, with whether each expired. */
export async function listTeam(db: Kysely<DB>, input: { odsCode: string }) {
  return db.transaction().execute(async (trx) => {
    const [members, invitations] = await Promise.all([
      teamMembers(trx, input.odsCode),
      pendingInvitations(trx, input.odsCode),
    ]);
    const now = Date.now();
    return {
      odsCode: input.odsCode,
      members: members.map((m) => ({ ...m, disabled: m.disabledAt !== null })),
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        invitedBy: i.invitedBy,
        createdAt: i.createdAt,
        expiresAt: i.expiresAt,
        expired: i.expiresAt.getTime() <= now,
      })),
    };
  });
}
