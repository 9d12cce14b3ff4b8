import { type DB, systemClientsOf } from "@realise/db";
import type { Kysely } from "kysely";

/** A trust's system clients, revoked ones included; never a secret. */
export async function listSystemClients(db: Kysely<DB>, input: { odsCode: string }) {
  return systemClientsOf(db, input.odsCode);
}
