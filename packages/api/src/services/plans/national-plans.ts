import {
  assessableRecordsByTrust,
  currentFramework,
  type DB,
  listOrganisations,
  type PlanItemRow,
  planItems,
} from "@realise/db";
import { forecastTiers, nationalPlanRollUp, type TierForecast, type TrustType } from "@realise/domain";
import type { Kysely } from "kysely";
import { type OversightScope, withinScope } from "../guards/oversight-scope.js";
import { today as clockToday } from "../clock.js";

// Forecasting every trust re-assesses it once per plan date, which is costly; a trust's forecast is kept
// (per database) until its levels or plan change, keyed by exactly the inputs the forecast reads.
const forecastMemo = new WeakMap<object, Map<string, { key: string; tiers: TierForecast[] }>>();
function forecastMemoFor(db: Kysely<DB>) {
  let memo = forecastMemo.get(db);
  if (!memo) {
    memo = new Map();
    forecastMemo.set(db, memo);
  }
  return memo;
}

/**
 * Plans against the roadmap: for each milestone, the share of trusts forecast to meet it, nationally, by
 * region and by ICB, and the trusts at risk of missing it.
 */
export async function nationalPlans(
  db: Kysely<DB>,
  today = clockToday(),
  scope: OversightScope | null = null,
) {
  const [framework, everyTrust, records, everyItem] = await Promise.all([
    currentFramework(db),
    listOrganisations(db),
    assessableRecordsByTrust(db, null),
    planItems(db, null),
  ]);
  const trusts = withinScope(scope, everyTrust);
  const items = withinScope(scope, everyItem);
  const itemsByTrust = new Map<string, PlanItemRow[]>();
  for (const item of items) itemsByTrust.set(item.odsCode, [...(itemsByTrust.get(item.odsCode) ?? []), item]);
  const forecasts = new Map<string, TierForecast[]>();
  const memo = forecastMemoFor(db);
  for (const o of trusts) {
    const mine = records.get(o.odsCode) ?? [];
    const planned = itemsByTrust.get(o.odsCode) ?? [];
    const key = `${framework.version}|${o.trustType}|${mine.map((r) => `${r.functionalityCode}:${r.level}`).join(",")}|${planned.map((i) => `${i.functionalityCode}:${i.targetLevel}:${i.targetDate}:${i.status}`).join(",")}`;
    let forecast = memo.get(o.odsCode);
    if (forecast?.key !== key) {
      forecast = {
        key,
        tiers: forecastTiers(
          framework,
          { odsCode: o.odsCode, trustType: o.trustType as TrustType },
          mine,
          planned,
        ),
      };
      memo.set(o.odsCode, forecast);
    }
    forecasts.set(o.odsCode, forecast.tiers);
  }
  const levels = new Map<string, number>();
  for (const [ods, rs] of records) for (const r of rs) levels.set(`${ods}/${r.functionalityCode}`, r.level);
  return nationalPlanRollUp({ framework, trusts, forecasts, items, levels, today });
}
