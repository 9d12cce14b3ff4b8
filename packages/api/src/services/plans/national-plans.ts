import { currentFramework, type DB, listOrganisations } from "@realise/db";
import { nationalPlanRollUp } from "@realise/domain";
import type { Kysely } from "kysely";
import { today as clockToday } from "../clock.js";
import { type OversightScope, scopeKey, withinScope } from "../guards/oversight-scope.js";
import { versioned } from "../versioned.js";
import { forecastSources, tierForecastsOf } from "./tier-forecasts.js";

/**
 * Plans against the roadmap: for each milestone, the share of trusts forecast to meet it, nationally, by
 * region and by ICB, and the trusts at risk of missing it.
 */
export async function nationalPlans(
  db: Kysely<DB>,
  today = clockToday(),
  scope: OversightScope | null = null,
) {
  return versioned(db, `plans.national|${today}|${scopeKey(scope)}`, () => computePlans(db, today, scope));
}

async function computePlans(db: Kysely<DB>, today: string, scope: OversightScope | null) {
  const [framework, everyTrust, sources] = await Promise.all([
    currentFramework(db),
    listOrganisations(db),
    forecastSources(db),
  ]);
  const trusts = withinScope(scope, everyTrust);
  const items = withinScope(scope, sources.items);
  const forecasts = tierForecastsOf(db, framework, trusts, sources);
  const levels = new Map<string, number>();
  for (const [ods, rs] of sources.records)
    for (const r of rs) levels.set(`${ods}/${r.functionalityCode}`, r.level);
  return nationalPlanRollUp({ framework, trusts, forecasts, items, levels, today });
}
