import { currentFramework, type DB, liveSnapshotCounts, returnCounts } from "@realise/db";
import type { Kysely } from "kysely";
import type { SnapshotsPeriodInput } from "../../contracts/snapshots.js";
import { type SnapshotFigures, snapshotFigures } from "./figures.js";

/** What freezing the period now would publish: computed from the live tables, nothing written. */
export async function previewSnapshot(db: Kysely<DB>, input: SnapshotsPeriodInput): Promise<SnapshotFigures> {
  const framework = await currentFramework(db);
  const [counts, returns] = await Promise.all([
    liveSnapshotCounts(db, framework.tiers.length),
    returnCounts(db, input.period),
  ]);
  return snapshotFigures(
    {
      period: input.period,
      status: "live",
      frameworkVersion: framework.version,
      frozenAt: null,
      frozenBy: null,
    },
    counts,
    returns,
  );
}
