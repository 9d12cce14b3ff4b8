import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/** A stored answer of a published snapshot, by its key, or undefined. */
export async function storedSnapshotAnswer(db: Kysely<DB>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("snapshot_answer").select("body").where("key", "=", key).executeTakeFirst();
  return row?.body;
}

/** Keep an answer; two requests building the same one at once both keep the first (they are equal). */
export async function storeSnapshotAnswer(
  db: Kysely<DB>,
  answer: { key: string; period: string; body: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto("snapshot_answer")
    .values({ ...answer, created_at: now })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
}
