import {
  type DB,
  findCollection,
  frameworkVersion,
  returnCountsWithin,
  snapshotHeader,
  snapshotReturnCounts,
  snapshotTrusts,
} from "@realise/db";
import { AppError, type NationalTrust, nationalOverviewOf, periodRange } from "@realise/domain";
import type { Kysely } from "kysely";
import { nationalBenefits } from "../benefits/national-benefits.js";
import { type OversightScope, withinScope } from "../guards/oversight-scope.js";
import { returnCountsFor, writeOfficialSnapshot } from "../snapshots/official.js";
import { publishedQuarters } from "./official-periods.js";

/** Thrown to roll back the provisional snapshot once its rows are read. */
class Provisional {
  constructor(
    readonly rows: NationalTrust[],
    readonly frameworkVersion: number,
  ) {}
}

/**
 * The frozen trusts of a period: the published snapshot's, or for a period not yet published (with a
 * collection) what freezing now would publish, built exactly as a freeze builds it and rolled back.
 */
async function periodTrusts(db: Kysely<DB>, period: string) {
  const header = await snapshotHeader(db, period);
  if (header?.status === "published")
    return {
      provisional: false,
      rows: await snapshotTrusts(db, period),
      frameworkVersion: header.frameworkVersion,
    };
  if (!(await findCollection(db, period)))
    throw AppError.notFound(`${period} has no collection and no published figures`);
  try {
    await db.transaction().execute(async (trx) => {
      if (header) await trx.deleteFrom("snapshot").where("period", "=", period).execute();
      const written = await writeOfficialSnapshot(trx, period, null);
      throw new Provisional(await snapshotTrusts(trx, period), written.frameworkVersion);
    });
  } catch (error) {
    if (error instanceof Provisional)
      return { provisional: true, rows: error.rows, frameworkVersion: error.frameworkVersion };
    throw error;
  }
  throw new Error("The provisional figures were not built");
}

/**
 * What the national quarterly report shows: coverage, tiers, movement since the previous published
 * quarter, groups and milestones from the period's frozen trusts (the same domain roll-up the national
 * overview uses), and the benefits roll-up, which is live.
 */
export async function nationalReportData(
  db: Kysely<DB>,
  input: { period?: string | undefined },
  /** An ICB or region viewer's scope: the report covers only their trusts. */
  scope: OversightScope | null = null,
) {
  // The benefits are live and need nothing from the period: read them while the period's figures are read
  // and rolled up (at national scale they are the larger read).
  const benefitsRead = nationalBenefits(db, scope);
  // Nothing waits on the read if the period turns out not to exist; its outcome is still awaited below.
  benefitsRead.catch(() => undefined);
  const quarters = await publishedQuarters(db);
  const period = input.period ?? quarters.at(-1);
  if (!period) throw AppError.notFound("No quarter has been published yet");
  const everywhere = await periodTrusts(db, period);
  const current = { ...everywhere, rows: withinScope(scope, everywhere.rows) };
  const framework = await frameworkVersion(db, current.frameworkVersion);
  const end = periodRange(period).end;
  const overview = nationalOverviewOf(framework, current.rows, { asOf: end, atRiskLimit: 12, today: end });
  const previousPeriod = quarters.filter((p) => p < period).at(-1) ?? null;
  const before = withinScope(scope, previousPeriod ? await snapshotTrusts(db, previousPeriod) : []);
  const tierBefore = new Map(before.map((r) => [r.odsCode, r.attainedTier]));
  const movement = { up: 0, same: 0, down: 0, notInPrevious: 0 };
  for (const r of current.rows) {
    const was = tierBefore.get(r.odsCode);
    if (was === undefined) movement.notInPrevious += 1;
    else if (r.attainedTier > was) movement.up += 1;
    else if (r.attainedTier < was) movement.down += 1;
    else movement.same += 1;
  }
  const previousTierCounts = previousPeriod
    ? nationalOverviewOf(framework, before, { asOf: end, atRiskLimit: 0, today: end }).tierCounts
    : null;
  const returns = scope
    ? await returnCountsWithin(db, period, scope.odsCodes)
    : ((await snapshotReturnCounts(db, period)) ??
      (await db.transaction().execute((trx) => returnCountsFor(trx, period))));
  const benefits = await benefitsRead;
  return {
    /** Where the report covers: null for England, else the ICB's or region's name. */
    scopeLabel: scope?.label ?? null,
    period,
    provisional: current.provisional,
    previousPeriod,
    previousTierCounts,
    movement,
    overview,
    returns,
    benefits: { totals: benefits.totals, byType: benefits.byType },
  };
}

export type NationalReportData = Awaited<ReturnType<typeof nationalReportData>>;
