import { currentFramework, type DB, frozenSnapshotCounts, snapshotHeader } from "@realise/db";
import { freezeRefusal, nothingToFreeze } from "@realise/domain";
import type { Kysely } from "kysely";
import type { SnapshotsPeriodInput } from "../../contracts/snapshots.js";
import { today } from "../clock.js";
import { type SnapshotFigures, snapshotFigures } from "./figures.js";
import { returnCountsFor, writeOfficialSnapshot } from "./official.js";

/** Thrown to roll the preview's transaction back once its figures are read. */
class PreviewDone {
  constructor(readonly figures: SnapshotFigures) {}
}

/**
 * The figures freezing the period would publish, labelled provisional, with the return counts the
 * confirmation step shows. Built exactly as a freeze builds them (from accepted returns only) inside a
 * transaction that is then rolled back, so the preview can never differ from what a freeze would
 * write, and nothing is kept. A period already published shows its published figures.
 */
export async function previewSnapshot(
  db: Kysely<DB>,
  input: SnapshotsPeriodInput,
): Promise<SnapshotFigures & { freezeRefusal: string | null; returnCounts: Record<string, number> }> {
  const framework = await currentFramework(db);
  const refusal = freezeRefusal(input.period, today());
  try {
    await db.transaction().execute(async (trx) => {
      const existing = await snapshotHeader(trx, input.period);
      if (existing?.status === "published") {
        const counts = await frozenSnapshotCounts(trx, input.period, framework.tiers.length);
        throw new PreviewDone(
          snapshotFigures({ ...existing, period: input.period, status: "published" }, counts, []),
        );
      }
      if (existing) await trx.deleteFrom("snapshot").where("period", "=", input.period).execute();
      const written = await writeOfficialSnapshot(trx, input.period, null);
      const counts = await frozenSnapshotCounts(trx, input.period, framework.tiers.length);
      throw new PreviewDone(
        snapshotFigures(
          {
            period: input.period,
            status: "provisional",
            frameworkVersion: written.frameworkVersion,
            frozenAt: null,
            frozenBy: null,
          },
          counts,
          Object.entries(written.counts).map(([status, count]) => ({ status, count })),
        ),
      );
    });
  } catch (error) {
    if (error instanceof PreviewDone) {
      const counts = await db.transaction().execute((trx) => returnCountsFor(trx, input.period));
      const published = error.figures.status === "published";
      return {
        ...error.figures,
        freezeRefusal: refusal ?? (published ? null : nothingToFreeze(input.period, counts.accepted ?? 0)),
        returnCounts: counts,
      };
    }
    throw error;
  }
  throw new Error("The snapshot preview did not produce figures");
}
