import { assessableRecordsByTrust, currentFramework, type DB, planItems } from "@realise/db";
import {
  assessTrust,
  forecastTiers,
  milestonePositions,
  planShortfalls,
  type TrustType,
} from "@realise/domain";
import type { Kysely } from "kysely";
import type { PlansForecastInput } from "../../contracts/plans.js";
import { requirePlanningTrust } from "./require-trust.js";

/**
 * The trust's forecast: when its plan makes it attain each tier (and, cautiously, without its at-risk
 * items), what keeps a tier the plan does not reach out of reach, and where that puts it against each
 * roadmap milestone.
 */
export async function trustForecast(db: Kysely<DB>, input: PlansForecastInput) {
  const { odsCode } = input;
  const trust = await requirePlanningTrust(db, odsCode);
  const [framework, records, items] = await Promise.all([
    currentFramework(db),
    assessableRecordsByTrust(db, odsCode),
    planItems(db, odsCode),
  ]);
  const organisation = { odsCode, trustType: trust.trustType as TrustType };
  const mine = records.get(odsCode) ?? [];
  const tiers = forecastTiers(framework, organisation, mine, items);
  const cautious = forecastTiers(framework, organisation, mine, items, { excludeAtRisk: true });
  const assessment = assessTrust(framework, organisation, mine);
  const shortfalls = planShortfalls(framework, organisation, mine, items);
  return {
    attainedTier: assessment.attainedTier,
    tiers: tiers.map((t) => ({
      ...t,
      name: framework.tiers.find((x) => x.number === t.tier)?.name ?? `Tier ${t.tier}`,
      cautiousForecastDate: cautious.find((c) => c.tier === t.tier)?.forecastDate ?? null,
      /** When the plan does not reach the tier: the criteria still unmet once every item is met. */
      missing: t.status === "not_planned" ? (shortfalls.get(t.tier) ?? []) : [],
    })),
    milestones: milestonePositions(framework, trust, tiers),
  };
}
