import { type DB, findPeerGroupSet, type PeerGroupSetDetail } from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";

/** One peer group set with its groups and their members. */
export async function peerGroupSet(db: Kysely<DB>, input: { id: string }): Promise<PeerGroupSetDetail> {
  const set = await db.transaction().execute((trx) => findPeerGroupSet(trx, input.id));
  if (!set) throw AppError.notFound(`No peer group set has the id ${input.id}`);
  return set;
}
