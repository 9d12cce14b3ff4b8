import { type DB, revokeSystemClient, systemClientsOf, writeAudit } from "@realise/db";
import { AppError, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { SystemClientsRevokeInput } from "../../contracts/system-clients.js";

/** Stop a system client: its tokens stop working at once and it can get no new ones. */
export async function revokeSystemClientOf(
  db: Kysely<DB>,
  input: SystemClientsRevokeInput,
  actor: Principal,
) {
  return db.transaction().execute(async (trx) => {
    const before = (await systemClientsOf(trx, input.odsCode)).find((c) => c.clientId === input.clientId);
    if (!before) throw AppError.notFound(`Trust ${input.odsCode} has no system client ${input.clientId}`);
    if (before.revokedAt) return before;
    await revokeSystemClient(trx, input.clientId, new Date());
    const after = (await systemClientsOf(trx, input.odsCode)).find((c) => c.clientId === input.clientId);
    await writeAudit(trx, actor, {
      action: "systemClient.revoke",
      entity: "system_client",
      entityKey: input.clientId,
      odsCode: input.odsCode,
      before,
      after,
    });
    return after;
  });
}
