import {
  currentFramework,
  type DB,
  frozenSnapshotCounts,
  returnCounts,
  snapshotHeader,
  snapshotReturnCounts,
} from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";
import type { SnapshotsPeriodInput } from "../../contracts/snapshots.js";
import { type SnapshotFigures, snapshotFigures } from "./figures.js";

/** The figures a frozen snapshot holds; NOT_FOUND when the period has not been frozen. */
export async function snapshotDetail(db: Kysely<DB>, input: SnapshotsPeriodInput): Promise<SnapshotFigures> {
  const header = await snapshotHeader(db, input.period);
  if (!header) throw AppError.notFound(`No snapshot has been frozen for ${input.period}`);
  const framework = await currentFramework(db);
  const [counts, frozenReturns, liveReturns] = await Promise.all([
    frozenSnapshotCounts(db, input.period, framework.tiers.length),
    snapshotReturnCounts(db, input.period),
    returnCounts(db, input.period),
  ]);
  // The counts as they were when frozen; snapshots from before those were kept show today's.
  const returns = frozenReturns
    ? Object.entries(frozenReturns).map(([status, count]) => ({ status, count }))
    : liveReturns;
  return snapshotFigures(
    {
      period: input.period,
      status: header.status as "preview" | "published",
      frameworkVersion: header.frameworkVersion,
      frozenAt: header.frozenAt,
      frozenBy: header.frozenBy,
    },
    counts,
    returns,
  );
}
