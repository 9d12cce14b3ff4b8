import { type DB, findOrganisation, insertSystemClient, writeAudit } from "@realise/db";
import { AppError, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { SystemClientsCreateInput } from "../../contracts/system-clients.js";
import { hashSecret, newClientId, newSecret } from "./credentials.js";

/**
 * Register a trust's own system. The secret is returned this once and kept only as a hash: a lost secret
 * means a new client. Registering changes no record, so a submitted return does not stop it.
 */
export async function createSystemClient(db: Kysely<DB>, input: SystemClientsCreateInput, actor: Principal) {
  const clientSecret = newSecret();
  const secretHash = await hashSecret(clientSecret);
  return db.transaction().execute(async (trx) => {
    if (!(await findOrganisation(trx, input.odsCode))) {
      throw AppError.notFound(`No trust has the ODS code ${input.odsCode}`);
    }
    const client = await insertSystemClient(trx, {
      id: newClientId(),
      odsCode: input.odsCode,
      name: input.name,
      secretHash,
      createdBy: actor.email,
    });
    await writeAudit(trx, actor, {
      action: "systemClient.create",
      entity: "system_client",
      entityKey: client.clientId,
      odsCode: input.odsCode,
      after: client,
    });
    return { clientId: client.clientId, clientSecret, name: client.name, odsCode: client.odsCode };
  });
}
