import { assessableRecordsByTrust, type DB, type PlanItemRow, planItems } from "@realise/db";
import { type Framework, forecastTiers, type TierForecast, type TrustType } from "@realise/domain";
import type { Kysely } from "kysely";

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

/** What the tier forecasts were built from: every trust's assessable records and plan items. */
export interface ForecastSources {
  records: Awaited<ReturnType<typeof assessableRecordsByTrust>>;
  items: PlanItemRow[];
}

/** Every trust's assessable records and plan items, read once for the forecasts of many trusts. */
export async function forecastSources(db: Kysely<DB>): Promise<ForecastSources> {
  const [records, items] = await Promise.all([assessableRecordsByTrust(db, null), planItems(db, null)]);
  return { records, items };
}

/**
 * When each trust's plan makes it attain each tier: the one source of the tier forecasts behind every
 * milestone status (the benefits and plans page and the national overview), so both read the same.
 */
export function tierForecastsOf(
  db: Kysely<DB>,
  framework: Framework,
  trusts: readonly { odsCode: string; trustType: string }[],
  sources: ForecastSources,
): Map<string, TierForecast[]> {
  const itemsByTrust = new Map<string, PlanItemRow[]>();
  for (const item of sources.items)
    itemsByTrust.set(item.odsCode, [...(itemsByTrust.get(item.odsCode) ?? []), item]);
  const forecasts = new Map<string, TierForecast[]>();
  const memo = forecastMemoFor(db);
  for (const o of trusts) {
    const mine = sources.records.get(o.odsCode) ?? [];
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
  return forecasts;
}
