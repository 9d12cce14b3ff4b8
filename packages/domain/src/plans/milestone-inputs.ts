import type { RoadmapMilestone } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import type { TierForecast } from "./schema.js";
import { type MilestoneTrustInput, trustMilestoneInput } from "./slippage.js";

/** What a milestone's status needs to know of a trust: its type, EPR status and planned EPR go-live. */
export interface MilestoneTrust {
  odsCode: string;
  trustType: TrustType | string;
  eprStatus: string;
  /** When the trust plans its EPR to go live; null or absent when no date is known. */
  eprGoLiveDate?: string | null;
}

/**
 * Every trust's position against a milestone, from its EPR status and planned go-live (EPR milestones) or
 * its tier forecasts (tier milestones).
 *
 * Why: the national overview and the benefits and plans page give a milestone's status; both build their
 * inputs here, so the same trusts with the same plans get the same status on both.
 */
export function milestoneInputs(
  milestone: RoadmapMilestone,
  trusts: readonly MilestoneTrust[],
  forecasts: ReadonlyMap<string, readonly TierForecast[]>,
): MilestoneTrustInput[] {
  return trusts.map((o) =>
    trustMilestoneInput(milestone, {
      odsCode: o.odsCode,
      trustType: o.trustType as TrustType,
      eprStatus: o.eprStatus,
      eprGoLiveDate: o.eprGoLiveDate ?? null,
      tierForecasts: forecasts.get(o.odsCode) ?? [],
    }),
  );
}
