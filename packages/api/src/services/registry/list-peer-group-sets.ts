import { type DB, listPeerGroupSets as peerGroupSetRows, type PeerGroupSetSummary } from "@realise/db";
import type { Kysely } from "kysely";

/** Peer group sets with their group and member counts. */
export async function listPeerGroupSets(db: Kysely<DB>): Promise<PeerGroupSetSummary[]> {
  return peerGroupSetRows(db);
}
