import { type DB, setSystemClientPaused, systemClientsOf, writeAudit } from "@realise/db";
import { AppError, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { SystemClientsRevokeInput } from "../../contracts/system-clients.js";

/**
 * Pause a system client (its token requests and reports are refused until it is resumed) or resume it.
 * A revoked client cannot be resumed; pausing a paused client, or resuming a running one, changes nothing.
 */
export async function setSystemClientPausedOf(
  db: Kysely<DB>,
  input: SystemClientsRevokeInput,
  actor: Principal,
  paused: boolean,
) {
  return db.transaction().execute(async (trx) => {
    const find = async () =>
      (await systemClientsOf(trx, input.odsCode)).find((c) => c.clientId === input.clientId);
    const before = await find();
    if (!before) throw AppError.notFound(`Trust ${input.odsCode} has no system client ${input.clientId}`);
    if (before.revokedAt) {
      throw AppError.state(
        `${before.name} was revoked, so it cannot be paused or resumed; register a new one`,
      );
    }
    if ((before.pausedAt !== null) === paused) return before;
    await setSystemClientPaused(trx, input.clientId, paused ? new Date() : null);
    const after = await find();
    await writeAudit(trx, actor, {
      action: paused ? "systemClient.pause" : "systemClient.resume",
      entity: "system_client",
      entityKey: input.clientId,
      odsCode: input.odsCode,
      before,
      after,
    });
    return after;
  });
}
