import type { Framework } from "../framework/schema.js";
import { type MilestoneTrust, milestoneInputs } from "./milestone-inputs.js";
import type { TierForecast } from "./schema.js";
import { milestoneSlippage } from "./slippage.js";

/** One trust against one roadmap milestone. */
export interface MilestonePosition {
  milestoneId: string;
  title: string;
  targetDate: string;
  measure: Framework["milestones"][number]["measure"];
  tier: number | null;
  /** The milestone counts trusts of this trust's type. */
  applies: boolean;
  attainedNow: boolean;
  forecastDate: string | null;
  slippageDays: number | null;
  late: boolean;
}

/**
 * Where a trust stands against each milestone of the roadmap, from its EPR status and planned go-live and
 * its tier forecasts: the inputs the national roll-up takes for it.
 */
export function milestonePositions(
  framework: Pick<Framework, "milestones">,
  trust: MilestoneTrust,
  forecasts: readonly TierForecast[],
): MilestonePosition[] {
  const byTrust = new Map([[trust.odsCode, forecasts]]);
  return framework.milestones.map((m) => {
    const input = milestoneInputs(m, [trust], byTrust)[0]!;
    const mine = milestoneSlippage(m, [input]).trusts[0];
    return {
      milestoneId: m.id,
      title: m.title,
      targetDate: m.targetDate,
      measure: m.measure,
      tier: m.tier ?? null,
      applies: mine !== undefined,
      attainedNow: input.attainedNow,
      forecastDate: input.forecastDate,
      slippageDays: mine?.slippageDays ?? null,
      late: mine?.late ?? false,
    };
  });
}
