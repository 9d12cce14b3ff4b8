import type { Framework } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import type { TierForecast } from "./schema.js";
import { milestoneSlippage, trustMilestoneInput } from "./slippage.js";

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

/** Where a trust stands against each milestone of the roadmap, from its EPR status and tier forecasts. */
export function milestonePositions(
  framework: Pick<Framework, "milestones">,
  trust: { odsCode: string; trustType: TrustType | string; eprStatus: string },
  forecasts: readonly TierForecast[],
): MilestonePosition[] {
  return framework.milestones.map((m) => {
    const input = trustMilestoneInput(m, {
      odsCode: trust.odsCode,
      trustType: trust.trustType as TrustType,
      eprStatus: trust.eprStatus,
      eprGoLiveDate: null,
      tierForecasts: forecasts,
    });
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
