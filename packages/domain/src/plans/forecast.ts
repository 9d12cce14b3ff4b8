import type { Framework } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import { toAdoptionLevel } from "../adoption/schema.js";
import { attainedTiers, criterionResults } from "../tiers/attainment.js";
import type { AssessableRecord } from "../tiers/schema.js";
import type { PlanItem, TierForecast } from "./schema.js";

/**
 * The date a trust's plan makes it attain each tier, assuming each item reaches its target level on its
 * target date (a level never falls because of a plan).
 *
 * Why: trusts and the national team need to see when the route map is reached, and whether that is before the
 * roadmap's milestones. Items of other trusts are ignored; `excludeAtRisk` gives a cautious forecast.
 */
export function forecastTiers(
  framework: Framework,
  organisation: { odsCode: string; trustType: TrustType },
  records: readonly AssessableRecord[],
  planItems: ReadonlyArray<
    Pick<PlanItem, "odsCode" | "functionalityCode" | "targetLevel" | "targetDate" | "status">
  >,
  options: { excludeAtRisk?: boolean } = {},
): TierForecast[] {
  const levels = new Map<string, AssessableRecord>();
  for (const r of records) {
    const prev = levels.get(r.functionalityCode);
    if (!prev || (r.version ?? 0) >= (prev.version ?? 0)) levels.set(r.functionalityCode, r);
  }
  // Only which tiers are attained matters here, so the levels are scored without building the views of
  // a full assessment: that cost 7 s of the server's one thread for 2,000 trusts (issue 18).
  const attainedWith = () =>
    attainedTiers(
      framework,
      criterionResults(framework, organisation.trustType, (code) =>
        toAdoptionLevel(levels.get(code)?.level ?? 0),
      ),
    );
  const now = attainedWith();
  const items = planItems
    .filter((p) => p.odsCode === organisation.odsCode && !(options.excludeAtRisk && p.status === "at_risk"))
    .sort((a, b) => (a.targetDate < b.targetDate ? -1 : a.targetDate > b.targetDate ? 1 : 0));

  const forecast = new Map<number, string>();
  let i = 0;
  while (i < items.length) {
    const date = items[i]!.targetDate;
    for (; i < items.length && items[i]!.targetDate === date; i++) {
      const item = items[i]!;
      const prev = levels.get(item.functionalityCode);
      if (prev && prev.level >= item.targetLevel) continue;
      levels.set(item.functionalityCode, {
        functionalityCode: item.functionalityCode,
        level: item.targetLevel,
        coveragePct: prev?.coveragePct ?? null,
        usageNumerator: prev?.usageNumerator ?? null,
        usageDenominator: prev?.usageDenominator ?? null,
        paperRetired: prev?.paperRetired ?? false,
      });
    }
    for (const t of attainedWith()) if (t.attained && !forecast.has(t.tier)) forecast.set(t.tier, date);
  }

  return now.map((t) => {
    if (t.attained)
      return { tier: t.tier, attainedNow: true, forecastDate: null, status: "attained" as const };
    const date = forecast.get(t.tier) ?? null;
    return {
      tier: t.tier,
      attainedNow: false,
      forecastDate: date,
      status: date ? ("forecast" as const) : ("not_planned" as const),
    };
  });
}
