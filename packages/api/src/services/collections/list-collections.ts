import { type DB, listCollections } from "@realise/db";
import { collectionPhase, daysUntilDue } from "@realise/domain";
import type { Kysely } from "kysely";
import { today } from "../clock.js";

/** Every collection with its phase on today's date and the days left until it is due. */
export async function collectionsWithPhase(db: Kysely<DB>) {
  const day = today();
  return (await listCollections(db)).map((c) => ({
    ...c,
    phase: collectionPhase(c, day),
    daysUntilDue: daysUntilDue(c.dueOn, day),
  }));
}
