import { daysBetween } from "../common/schema.js";
import type { RoadmapMilestone } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import type { TierForecast } from "./schema.js";
import { type MilestoneStatus, milestoneStatus } from "./milestone-status.js";

/** One trust's position against a milestone. */
export interface MilestoneTrustInput {
  odsCode: string;
  trustType: TrustType;
  /** Already meets the milestone's measure. */
  attainedNow: boolean;
  /** When it is forecast to meet it; null if never (or if attained now). */
  forecastDate: string | null;
}

/** A milestone's forecast against its target. */
export interface MilestoneSlippage {
  milestoneId: string;
  title: string;
  targetDate: string;
  requiredShare: number;
  /** Trusts of the milestone's types. */
  eligible: number;
  requiredCount: number;
  metNow: number;
  /** Met now or forecast to meet it by the target date. */
  metByTarget: number;
  shareNow: number;
  shareByTarget: number;
  /** The date the required share is forecast to be reached; null if met now or never. */
  forecastDate: string | null;
  /** Days after the target date the share is reached (negative: early; 0 when met now; null: never). */
  slippageDays: number | null;
  status: MilestoneStatus;
  trusts: Array<{ odsCode: string; forecastDate: string | null; slippageDays: number | null; late: boolean }>;
}

/**
 * A trust's position against a milestone, from its EPR status or its tier forecasts.
 *
 * Why: "EPR live" and "tier at least N" milestones are measured differently but compared the same way.
 */
export function trustMilestoneInput(
  milestone: RoadmapMilestone,
  trust: {
    odsCode: string;
    trustType: TrustType;
    eprStatus?: string;
    eprGoLiveDate?: string | null;
    tierForecasts?: readonly TierForecast[];
  },
): MilestoneTrustInput {
  const base = { odsCode: trust.odsCode, trustType: trust.trustType };
  if (milestone.measure === "epr_live") {
    const live = trust.eprStatus === "live";
    return { ...base, attainedNow: live, forecastDate: live ? null : (trust.eprGoLiveDate ?? null) };
  }
  const f = trust.tierForecasts?.find((t) => t.tier === milestone.tier);
  return { ...base, attainedNow: f?.attainedNow ?? false, forecastDate: f?.forecastDate ?? null };
}

/**
 * Forecasts when a milestone's share of trusts is reached, and by how many days it slips.
 *
 * Why: the roadmap ("70% of trusts at the core level by March 2026") is a share, so the date it is met is the
 * date the required-th trust gets there.
 */
export function milestoneSlippage(
  milestone: RoadmapMilestone,
  trusts: readonly MilestoneTrustInput[],
  today: string = new Date().toISOString().slice(0, 10),
): MilestoneSlippage {
  const eligible = trusts.filter((t) => milestone.trustTypes.includes(t.trustType));
  const requiredCount = Math.ceil(milestone.shareOfTrusts * eligible.length - 1e-9);
  const metNow = eligible.filter((t) => t.attainedNow).length;
  const metByTarget = eligible.filter(
    (t) => t.attainedNow || (t.forecastDate !== null && t.forecastDate <= milestone.targetDate),
  ).length;
  const share = (n: number) => (eligible.length === 0 ? 1 : n / eligible.length);
  const perTrust = eligible.map((t) => {
    const slippageDays = t.attainedNow
      ? 0
      : t.forecastDate === null
        ? null
        : daysBetween(milestone.targetDate, t.forecastDate);
    return {
      odsCode: t.odsCode,
      forecastDate: t.forecastDate,
      slippageDays,
      late: slippageDays === null || slippageDays > 0,
    };
  });

  let forecastDate: string | null = null;
  let slippageDays: number | null;
  let status: MilestoneSlippage["status"];
  if (metNow >= requiredCount) {
    slippageDays = 0;
    status = "met";
  } else {
    const dates = eligible
      .filter((t) => !t.attainedNow && t.forecastDate !== null)
      .map((t) => t.forecastDate as string)
      .sort();
    const needed = requiredCount - metNow;
    forecastDate = dates[needed - 1] ?? null;
    slippageDays = forecastDate === null ? null : daysBetween(milestone.targetDate, forecastDate);
    status = milestoneStatus({ metNow: false, targetDate: milestone.targetDate, today, forecastDate });
  }
  return {
    milestoneId: milestone.id,
    title: milestone.title,
    targetDate: milestone.targetDate,
    requiredShare: milestone.shareOfTrusts,
    eligible: eligible.length,
    requiredCount,
    metNow,
    metByTarget,
    shareNow: share(metNow),
    shareByTarget: share(metByTarget),
    forecastDate,
    slippageDays,
    status,
    trusts: perTrust,
  };
}
