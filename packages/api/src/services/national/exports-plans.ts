import { currentFramework, type DB } from "@realise/db";
import { AppError, MILESTONE_STATUS_LABELS } from "@realise/domain";
import type { Kysely } from "kysely";
import type { OversightScope } from "../guards/oversight-scope.js";
import { nationalPlans } from "../plans/national-plans.js";
import type { ExportTable } from "./exports.js";

/** The tables of plans against the roadmap on the benefits and plans page. */
export const PLAN_EXPORTS = ["milestone-groups", "milestones-at-risk"] as const;
export type PlanExport = (typeof PLAN_EXPORTS)[number];

const pct = (share: number) => Math.round(share * 1000) / 10;

/**
 * Plans against the roadmap as CSV rows, from the same roll-up as the page (narrowed for an ICB or region
 * viewer as `plans.national` narrows it): each milestone's regions or ICBs (`by`), or the trusts at risk of
 * missing it; every milestone, or one (`milestone`, its id), as the link beside each table asks.
 */
export async function planExport(
  db: Kysely<DB>,
  table: PlanExport,
  query: Record<string, string>,
  scope: OversightScope | null = null,
): Promise<ExportTable> {
  const by = query.by || "region";
  if (table === "milestone-groups" && by !== "region" && by !== "icb")
    throw AppError.field("by", "Group milestones by region or icb");
  const [framework, plans] = await Promise.all([currentFramework(db), nationalPlans(db, undefined, scope)]);
  const wanted = query.milestone || undefined;
  if (wanted !== undefined && !plans.milestones.some((m) => m.milestoneId === wanted))
    throw AppError.field("milestone", `There is no roadmap milestone called ${wanted}`);
  const milestones = plans.milestones.filter((m) => wanted === undefined || m.milestoneId === wanted);
  // A milestone id is free text: only letters, digits and dashes reach the file name (and its header).
  const named = wanted?.replace(/[^A-Za-z0-9-]+/g, "-");
  const stem = `${named ?? "every-milestone"}-live-${plans.today}-framework-v${framework.version}`;

  if (table === "milestones-at-risk")
    return {
      columns: [
        "Milestone",
        "Target date",
        "ODS code",
        "Trust",
        "Region",
        "ICB",
        "Forecast date",
        "Days late",
        "Forecast",
      ],
      rows: milestones.flatMap((m) =>
        m.atRisk.map((t) => ({
          Milestone: m.title,
          "Target date": m.targetDate,
          "ODS code": t.odsCode,
          Trust: t.name,
          Region: t.region,
          ICB: t.icbName ?? "Not known",
          "Forecast date": t.forecastDate,
          "Days late": t.slippageDays,
          // The page's words, so a reader of the file need not know that an empty date means never.
          Forecast:
            t.forecastDate === null
              ? "Not reached by its plan"
              : `${t.forecastDate} (${t.slippageDays} days late)`,
        })),
      ),
      filename: `milestones-at-risk-${stem}`,
    };

  const group = by === "icb" ? "ICB" : "Region";
  return {
    columns: [
      "Milestone",
      "Target date",
      group,
      "Trusts",
      "Met now",
      "Forecast by the date",
      "Share forecast (%)",
      "Status",
    ],
    rows: milestones.flatMap((m) =>
      (by === "icb" ? m.byIcb : m.byRegion).map((g) => ({
        Milestone: m.title,
        "Target date": m.targetDate,
        [group]: g.label,
        Trusts: g.eligible,
        "Met now": g.metNow,
        "Forecast by the date": g.metByTarget,
        "Share forecast (%)": pct(g.shareByTarget),
        Status: MILESTONE_STATUS_LABELS[g.status],
      })),
    ),
    filename: `milestones-by-${by}-${stem}`,
  };
}
