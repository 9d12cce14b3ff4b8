import { currentFramework, type DB, nationalTrusts } from "@realise/db";
import { type NationalOverview, nationalOverviewOf } from "@realise/domain";
import type { Kysely } from "kysely";
import type { NationalOverviewInput } from "../../contracts/national.js";
import { today } from "../clock.js";
import { forecastSources, tierForecastsOf } from "../plans/tier-forecasts.js";
import { versioned } from "../versioned.js";

/**
 * The nation (or the filtered slice of it) at a glance, from the maintained `organisation_tier` rows. The
 * trusts in view are read once (one small row each) and every figure is computed from that one read: at
 * national scale one scan costs less than a query per figure competing for the same cores.
 *
 * The milestones' status takes the trusts' tier forecasts, as the benefits and plans page does, so the two
 * pages agree; they are read only while a tier milestone is still to come (once its date has passed it is
 * met or missed whatever the plans say, and the overview stays one read).
 */
export async function nationalOverview(
  db: Kysely<DB>,
  input: NationalOverviewInput = {},
  options: { atRiskLimit?: number } = {},
): Promise<NationalOverview> {
  const day = today();
  return versioned(db, `national.overview|${day}|${options.atRiskLimit ?? 50}|${JSON.stringify(input)}`, () =>
    computeOverview(db, input, options, day),
  );
}

async function computeOverview(
  db: Kysely<DB>,
  input: NationalOverviewInput,
  options: { atRiskLimit?: number },
  day: string,
): Promise<NationalOverview> {
  const framework = await currentFramework(db);
  const trusts = await nationalTrusts(db, input);
  const open = framework.milestones.some((m) => m.measure === "tier_at_least" && m.targetDate >= day);
  const forecasts = open ? tierForecastsOf(db, framework, trusts, await forecastSources(db)) : undefined;
  return nationalOverviewOf(framework, trusts, {
    asOf: input.asOf ?? day,
    atRiskLimit: options.atRiskLimit ?? 50,
    today: day,
    ...(forecasts ? { forecasts } : {}),
  });
}
