import type { PeerGroupEntry } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

export interface PeerGroupSetSummary {
  id: string;
  name: string;
  description: string;
  version: number;
  groups: number;
  members: number;
}

export interface PeerGroupSetDetail {
  id: string;
  name: string;
  description: string;
  version: number;
  groups: Array<{ id: string; name: string; members: string[] }>;
}

/** Peer group sets with their group and member counts. */
export async function listPeerGroupSets(db: Kysely<DB>): Promise<PeerGroupSetSummary[]> {
  const rows = await db
    .selectFrom("peer_group_set as s")
    .select((eb) => [
      "s.id",
      "s.name",
      "s.description",
      "s.version",
      eb
        .selectFrom("peer_group as g")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("g.set_id", "=", "s.id")
        .as("groups"),
      eb
        .selectFrom("peer_group_member as m")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("m.set_id", "=", "s.id")
        .as("members"),
    ])
    .orderBy("s.name")
    .execute();
  return rows.map((r) => ({ ...r, groups: Number(r.groups ?? 0), members: Number(r.members ?? 0) }));
}

/** One set with its groups and their members; undefined if there is none. */
export async function findPeerGroupSet(db: Kysely<DB>, id: string): Promise<PeerGroupSetDetail | undefined> {
  const set = await db
    .selectFrom("peer_group_set")
    .select(["id", "name", "description", "version"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!set) return undefined;
  const [groups, members] = await Promise.all([
    db.selectFrom("peer_group").select(["id", "name"]).where("set_id", "=", id).orderBy("name").execute(),
    db
      .selectFrom("peer_group_member")
      .select(["group_id", "ods_code"])
      .where("set_id", "=", id)
      .orderBy("ods_code")
      .execute(),
  ]);
  return {
    ...set,
    groups: groups.map((g) => ({
      ...g,
      members: members.filter((m) => m.group_id === g.id).map((m) => m.ods_code),
    })),
  };
}

/** The groups a trust sits in, one per set at most. */
export async function peerGroupsOf(db: Kysely<DB>, odsCode: string) {
  return db
    .selectFrom("peer_group_member as m")
    .innerJoin("peer_group as g", "g.id", "m.group_id")
    .innerJoin("peer_group_set as s", "s.id", "m.set_id")
    .select(["s.id as setId", "s.name as setName", "g.id as groupId", "g.name as groupName"])
    .where("m.ods_code", "=", odsCode)
    .orderBy("s.name")
    .execute();
}

/** A set's id and version, locked for the caller's transaction. */
export async function lockPeerGroupSet(db: Kysely<DB>, id: string) {
  return db
    .selectFrom("peer_group_set")
    .select(["id", "version"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** A group id among these that another set already uses, if any. */
export async function groupIdTakenElsewhere(db: Kysely<DB>, setId: string, groupIds: readonly string[]) {
  if (groupIds.length === 0) return undefined;
  return db
    .selectFrom("peer_group")
    .select(["id", "set_id"])
    .where("id", "in", [...groupIds])
    .where("set_id", "<>", setId)
    .executeTakeFirst();
}

export async function peerGroupSetNameTaken(db: Kysely<DB>, name: string): Promise<boolean> {
  const row = await db.selectFrom("peer_group_set").select("id").where("name", "=", name).executeTakeFirst();
  return row !== undefined;
}

export interface PeerGroupSetValues {
  id: string;
  name: string;
  description: string;
}

export async function insertPeerGroupSet(db: Kysely<DB>, set: PeerGroupSetValues, version: number) {
  await db
    .insertInto("peer_group_set")
    .values({ id: set.id, name: set.name, description: set.description, version })
    .execute();
}

/** Update a set's own fields and drop its groups (and so their members), ready for the new ones. */
export async function updatePeerGroupSetClearingGroups(
  db: Kysely<DB>,
  set: PeerGroupSetValues,
  version: number,
) {
  await db
    .updateTable("peer_group_set")
    .set({ name: set.name, description: set.description, version, updated_at: new Date() })
    .where("id", "=", set.id)
    .execute();
  await db.deleteFrom("peer_group").where("set_id", "=", set.id).execute();
}

/** Insert a set's groups and their members. */
export async function insertPeerGroups(db: Kysely<DB>, setId: string, groups: readonly PeerGroupEntry[]) {
  if (groups.length === 0) return;
  await db
    .insertInto("peer_group")
    .values(groups.map((g) => ({ id: g.id, set_id: setId, name: g.name })))
    .execute();
  const members = groups.flatMap((g) =>
    [...new Set(g.members)].map((ods) => ({ set_id: setId, group_id: g.id, ods_code: ods })),
  );
  for (let i = 0; i < members.length; i += 500)
    await db
      .insertInto("peer_group_member")
      .values(members.slice(i, i + 500))
      .execute();
}

export async function deletePeerGroupSetRow(db: Kysely<DB>, id: string) {
  await db.deleteFrom("peer_group_set").where("id", "=", id).execute();
}
