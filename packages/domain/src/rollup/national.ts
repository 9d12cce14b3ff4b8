import type { Framework, RoadmapMilestone } from "../framework/schema.js";
import { EprStatusSchema } from "../organisation/schema.js";
import { quantiles } from "./quantiles.js";
import type { Quantiles } from "./schema.js";
import { milestoneInputs } from "../plans/milestone-inputs.js";
import type { MilestoneStatus } from "../plans/milestone-status.js";
import type { TierForecast } from "../plans/schema.js";
import { milestoneSlippage } from "../plans/slippage.js";

/** A five-number summary of progress to the next tier (R type 7 quantiles, as `quantiles`). */
export type ProgressQuartiles = Quantiles;

/** EPR statuses in the order the national views list them. */
export const EPR_STATUSES = EprStatusSchema.options;

/** A trust as the national views list it. */
export interface TrustBrief {
  odsCode: string;
  name: string;
  trustType: string;
  region: string;
  eprStatus: string;
  eprSupplier: string | null;
  attainedTier: number;
  progressToNext: number | null;
}

/** A trust in view with the ICB it belongs to at the view's date. */
export interface NationalTrust extends TrustBrief {
  icbCode: string | null;
  icbName: string | null;
  /** When the trust plans its EPR to go live, where known: its forecast for EPR milestones. */
  eprGoLiveDate?: string | null;
}

/** One group of a national view: counts per tier and the spread of progress, never an average. */
export interface NationalGroupRow {
  key: string | null;
  label: string;
  trusts: number;
  eprLive: number;
  tierCounts: number[];
  progress: ProgressQuartiles | null;
}

export type GroupDimension = "region" | "icb" | "trustType" | "supplier";

/** A roadmap milestone against the trusts in view: the share meeting it now, and who does not yet. */
export interface MilestoneProgress {
  id: string;
  title: string;
  targetDate: string;
  measure: RoadmapMilestone["measure"];
  tier: number | null;
  targetShare: number;
  eligible: number;
  metNow: number;
  shareNow: number;
  status: MilestoneStatus;
  /** Eligible trusts not meeting the milestone (closest first), up to the limit. */
  atRisk: TrustBrief[];
  atRiskTotal: number;
}

export interface NationalOverview {
  asOf: string;
  frameworkVersion: number;
  tiers: { number: number; name: string }[];
  trusts: number;
  eprStatus: { status: string; count: number }[];
  /** Trusts in view whose EPR is not live, by name. */
  withoutLiveEpr: TrustBrief[];
  /** Trusts per attained tier, 0 (none yet) to the top tier. */
  tierCounts: number[];
  progress: ProgressQuartiles | null;
  groups: Record<GroupDimension, NationalGroupRow[]>;
  milestones: MilestoneProgress[];
}

const isoToday = () => new Date().toISOString().slice(0, 10);

/** Trusts per attained tier 0..tiers; a tier out of range counts at the nearest end. */
export function countTiers(rows: readonly { attainedTier: number }[], tiers: number): number[] {
  const counts = Array.from({ length: tiers + 1 }, () => 0);
  for (const r of rows) counts[Math.min(Math.max(r.attainedTier, 0), tiers)]! += 1;
  return counts;
}

/** The spread of progress to the next tier, over the trusts that have a figure. */
export function progressOf(rows: readonly { progressToNext: number | null }[]): ProgressQuartiles | null {
  return quantiles(rows.flatMap((r) => (r.progressToNext === null ? [] : [r.progressToNext])));
}

// Code-point order with "not recorded" last.
const byKey = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** The trusts grouped by a key, in key order with trusts without one ("Not recorded") last. */
export function groupsBy<R extends NationalTrust>(
  rows: readonly R[],
  tiers: number,
  keyOf: (r: R) => string | null,
  labelOf: (r: R) => string | null = keyOf,
): NationalGroupRow[] {
  const groups = new Map<string | null, R[]>();
  for (const r of rows) {
    const key = keyOf(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => byKey(a, b))
    .map(([key, members]) => ({
      key,
      label: labelOf(members[0]!) ?? "Not recorded",
      trusts: members.length,
      eprLive: members.filter((m) => m.eprStatus === "live").length,
      tierCounts: countTiers(members, tiers),
      progress: progressOf(members),
    }));
}

/** A trust without its ICB, as the lists show it. */
export const toBrief = ({ icbCode: _icb, icbName: _name, ...brief }: NationalTrust): TrustBrief => brief;

/**
 * How far the trusts in view are towards a milestone, and its status by the one rule of every page (met,
 * on track, off track, missed) from the same inputs as the benefits and plans page: each trust's EPR status
 * and planned go-live, and its tier forecasts. Without forecasts (a frozen period has none) a tier milestone
 * not met yet is off track until it is missed. The trusts not meeting it are listed closest first (highest
 * tier, then most progress; rows given in name order stay so within a tie).
 */
export function milestoneProgress(
  rows: readonly NationalTrust[],
  milestone: RoadmapMilestone,
  limit: number,
  today: string = isoToday(),
  forecasts?: ReadonlyMap<string, readonly TierForecast[]>,
): MilestoneProgress {
  const eligible = rows.filter((r) => (milestone.trustTypes as readonly string[]).includes(r.trustType));
  const meets = (r: NationalTrust) =>
    milestone.measure === "epr_live" ? r.eprStatus === "live" : r.attainedTier >= (milestone.tier ?? 0);
  const notMet = eligible
    .filter((r) => !meets(r))
    .sort((a, b) => b.attainedTier - a.attainedTier || (b.progressToNext ?? 0) - (a.progressToNext ?? 0));
  const metNow = eligible.length - notMet.length;
  const shareNow = eligible.length === 0 ? 1 : metNow / eligible.length;
  const inputs = forecasts
    ? milestoneInputs(milestone, eligible, forecasts)
    : eligible.map((r) => ({
        odsCode: r.odsCode,
        trustType: r.trustType as RoadmapMilestone["trustTypes"][number],
        attainedNow: meets(r),
        forecastDate: milestone.measure === "epr_live" && !meets(r) ? (r.eprGoLiveDate ?? null) : null,
      }));
  const { status } = milestoneSlippage(milestone, inputs, today);
  return {
    id: milestone.id,
    title: milestone.title,
    targetDate: milestone.targetDate,
    measure: milestone.measure,
    tier: milestone.tier ?? null,
    targetShare: milestone.shareOfTrusts,
    eligible: eligible.length,
    metNow,
    shareNow,
    status,
    atRisk: notMet.slice(0, limit).map(toBrief),
    atRiskTotal: notMet.length,
  };
}

/**
 * The nation (or a slice of it) at a glance, every figure from one list of trusts (given in name order)
 * so the figures agree with each other.
 */
export function nationalOverviewOf(
  framework: Pick<Framework, "version" | "tiers" | "milestones">,
  rows: readonly NationalTrust[],
  options: {
    asOf: string;
    atRiskLimit: number;
    today?: string;
    /** Each trust's tier forecasts from its plan, for the milestones' status; none for a frozen period. */
    forecasts?: ReadonlyMap<string, readonly TierForecast[]>;
  },
): NationalOverview {
  const tiers = framework.tiers.length;
  return {
    asOf: options.asOf,
    frameworkVersion: framework.version,
    tiers: framework.tiers.map((t) => ({ number: t.number, name: t.name })),
    trusts: rows.length,
    eprStatus: EPR_STATUSES.map((status) => ({
      status,
      count: rows.filter((r) => r.eprStatus === status).length,
    })),
    withoutLiveEpr: rows.filter((r) => r.eprStatus !== "live").map(toBrief),
    tierCounts: countTiers(rows, tiers),
    progress: progressOf(rows),
    groups: {
      region: groupsBy(rows, tiers, (r) => r.region),
      icb: groupsBy(
        rows,
        tiers,
        (r) => r.icbCode,
        (r) => r.icbName,
      ),
      trustType: groupsBy(rows, tiers, (r) => r.trustType),
      supplier: groupsBy(rows, tiers, (r) => r.eprSupplier),
    },
    milestones: framework.milestones.map((m) =>
      milestoneProgress(rows, m, options.atRiskLimit, options.today, options.forecasts),
    ),
  };
}
