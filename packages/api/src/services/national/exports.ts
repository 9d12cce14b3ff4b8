import { type DB, nationalTrusts } from "@realise/db";
import { AppError, MILESTONE_STATUS_LABELS } from "@realise/domain";
import type { Kysely } from "kysely";
import type { z } from "zod";
import {
  ComparePeriodsInput,
  NationalHeatmapInput,
  NationalOverviewInput,
  NationalTrendsInput,
} from "../../contracts/national.js";
import { today } from "../clock.js";
import { type OversightScope, scopedFilter } from "../guards/oversight-scope.js";
import { comparePublishedPeriods } from "../snapshots/compare.js";
import { nationalHeatmap } from "./heatmap.js";
import { nationalOverview } from "./overview.js";
import { nationalTrends } from "./trends.js";

/** The tables of the national pages that can be downloaded, by the name in `/exports/<name>.csv`. */
export const NATIONAL_EXPORTS = [
  "epr-status",
  "tiers",
  "groups",
  "milestones",
  "trusts",
  "trends",
  "heatmap",
  "tier-movement",
] as const;
export type NationalExport = (typeof NATIONAL_EXPORTS)[number];

export interface ExportTable {
  columns: string[];
  rows: Record<string, unknown>[];
  /** The file name without ".csv": what, the period ("live-<date>" for today's records) and the framework version. */
  filename: string;
}

const GROUP_DIMENSIONS = ["region", "icb", "trustType", "supplier"] as const;
const FILTER_KEYS = ["region", "icbCode", "trustType", "eprSupplier", "eprStatus", "asOf"] as const;
const NUMBER_KEYS = ["tier", "trustTier"] as const;

/** A page's query string as the procedure's input, refused with the field named when it is wrong. */
function parse<S extends z.ZodType>(
  schema: S,
  query: Record<string, string>,
  extra: readonly string[] = [],
): z.infer<S> {
  const input: Record<string, unknown> = {};
  for (const key of [...FILTER_KEYS, ...extra]) {
    const value = query[key];
    if (value === undefined || value === "") continue;
    input[key] = (NUMBER_KEYS as readonly string[]).includes(key) ? Number(value) : value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw AppError.invalid(
      parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    );
  return parsed.data;
}

const pct = (share: number | null | undefined) => (share == null ? null : Math.round(share * 1000) / 10);

/**
 * One national table as rows for a CSV file, with the same filters as the page it sits beside, narrowed
 * for an ICB or region viewer as the page's procedure narrows it. Live figures are named by today's date;
 * trends by the periods they span.
 */
export async function nationalExport(
  db: Kysely<DB>,
  table: NationalExport,
  query: Record<string, string>,
  scope: OversightScope | null = null,
): Promise<ExportTable> {
  if (table === "heatmap") {
    const input = scopedFilter(scope, parse(NationalHeatmapInput, query, ["tier", "trustTier", "sort"]))!;
    const map = await nationalHeatmap(db, input);
    const w = map.functionalities.length;
    const codes = map.functionalities.map((f) => `${f.code} ${f.name}`);
    return {
      columns: [
        "ODS code",
        "Trust",
        "Trust type",
        "Region",
        "ICB",
        "EPR supplier",
        "Attained tier",
        ...codes,
      ],
      rows: map.trusts.map((t, i) => ({
        "ODS code": t.odsCode,
        Trust: t.name,
        "Trust type": t.trustType,
        Region: t.region,
        ICB: t.icbName,
        "EPR supplier": t.eprSupplier,
        "Attained tier": t.attainedTier,
        ...Object.fromEntries(
          codes.map((c, j) => {
            const level = map.levels[i * w + j] ?? -1;
            return [c, level >= 0 ? `L${level}` : "n/a"];
          }),
        ),
      })),
      filename: `heatmap-live-${input.asOf ?? today()}-framework-v${map.frameworkVersion}`,
    };
  }
  if (table === "tier-movement") {
    const input = scopedFilter(scope, parse(ComparePeriodsInput, query, ["from", "to"]))!;
    const c = await comparePublishedPeriods(db, input);
    const name = (n: number) => (n === 0 ? "No tier yet" : `Tier ${n} ${c.tiers[n - 1]?.name ?? ""}`.trim());
    const toCols = c.movement.map((_, n) => `To ${name(n)}`);
    const slug = (p: string) => p.replaceAll("/", "-").replaceAll(" ", "-");
    return {
      columns: [`Tier in ${c.from.period}`, ...toCols, "Trusts"],
      rows: c.movement.map((row, n) => ({
        [`Tier in ${c.from.period}`]: name(n),
        ...Object.fromEntries(toCols.map((col, m) => [col, row[m] ?? 0])),
        Trusts: row.reduce((a, b) => a + b, 0),
      })),
      filename: `tier-movement-${slug(c.from.period)}-to-${slug(c.to.period)}-framework-v${c.from.frameworkVersion}-${c.to.frameworkVersion}`,
    };
  }
  if (table === "trends") {
    const input = scopedFilter(scope, parse(NationalTrendsInput, query))!;
    const points = await nationalTrends(db, input);
    const tiers = Math.max(0, ...points.map((p) => p.tierCounts.length - 1));
    const tierCols = Array.from({ length: tiers + 1 }, (_, n) => (n === 0 ? "No tier yet" : `Tier ${n}`));
    const span =
      points.length === 0
        ? "none"
        : `${points[0]!.period}-to-${points[points.length - 1]!.period}`
            .replaceAll("/", "-")
            .replaceAll(" ", "-");
    const versions = [...new Set(points.map((p) => p.frameworkVersion))].join("-") || "none";
    return {
      columns: ["Period", "Status", "Framework version", "Trusts", "Live EPR", ...tierCols],
      rows: points.map((p) => ({
        Period: p.period,
        Status: p.status,
        "Framework version": p.frameworkVersion,
        Trusts: p.trusts,
        "Live EPR": p.eprLive,
        ...Object.fromEntries(tierCols.map((c, n) => [c, p.tierCounts[n] ?? 0])),
      })),
      filename: `trends-${span}-framework-v${versions}`,
    };
  }
  const input = scopedFilter(scope, parse(NationalOverviewInput, query))!;
  const o = await nationalOverview(db, input, { atRiskLimit: 10_000 });
  const stem = (what: string) => `${what}-live-${o.asOf}-framework-v${o.frameworkVersion}`;
  const tierName = (n: number) =>
    n === 0 ? "No tier yet" : `Tier ${n} ${o.tiers[n - 1]?.name ?? ""}`.trim();
  switch (table) {
    case "epr-status":
      return {
        columns: ["EPR status", "Trusts"],
        rows: o.eprStatus.map((s) => ({ "EPR status": s.status, Trusts: s.count })),
        filename: stem("epr-status"),
      };
    case "tiers":
      return {
        columns: ["Attained tier", "Trusts"],
        rows: o.tierCounts.map((count, n) => ({ "Attained tier": tierName(n), Trusts: count })),
        filename: stem("tiers"),
      };
    case "groups": {
      const by = query.groupBy ?? "region";
      if (!(GROUP_DIMENSIONS as readonly string[]).includes(by))
        throw AppError.field("groupBy", "Group by must be region, icb, trustType or supplier");
      const tierCols = o.tierCounts.map((_, n) => tierName(n));
      return {
        columns: ["Group", "Trusts", "Live EPR", ...tierCols, "Median progress to next tier (%)"],
        rows: o.groups[by as (typeof GROUP_DIMENSIONS)[number]].map((g) => ({
          Group: g.label,
          Trusts: g.trusts,
          "Live EPR": g.eprLive,
          ...Object.fromEntries(tierCols.map((c, n) => [c, g.tierCounts[n] ?? 0])),
          "Median progress to next tier (%)": pct(g.progress?.median),
        })),
        filename: stem(`by-${by}`),
      };
    }
    case "milestones":
      return {
        columns: [
          "Milestone",
          "Target date",
          "Target (%)",
          "Eligible trusts",
          "Meeting it now",
          "Now (%)",
          "Status",
        ],
        rows: o.milestones.map((m) => ({
          Milestone: m.title,
          "Target date": m.targetDate,
          "Target (%)": pct(m.targetShare),
          "Eligible trusts": m.eligible,
          "Meeting it now": m.metNow,
          "Now (%)": pct(m.shareNow),
          Status: MILESTONE_STATUS_LABELS[m.status],
        })),
        filename: stem("milestones"),
      };
    default:
      return trustsTable(db, input, stem("trusts"));
  }
}

async function trustsTable(
  db: Kysely<DB>,
  input: z.infer<typeof NationalOverviewInput>,
  filename: string,
): Promise<ExportTable> {
  const trusts = await nationalTrusts(db, input);
  return {
    columns: [
      "ODS code",
      "Trust",
      "Trust type",
      "Region",
      "ICB",
      "EPR status",
      "EPR supplier",
      "Attained tier",
      "Progress to next tier (%)",
    ],
    rows: trusts.map((t) => ({
      "ODS code": t.odsCode,
      Trust: t.name,
      "Trust type": t.trustType,
      Region: t.region,
      ICB: t.icbName,
      "EPR status": t.eprStatus,
      "EPR supplier": t.eprSupplier,
      "Attained tier": t.attainedTier,
      "Progress to next tier (%)": pct(t.progressToNext),
    })),
    filename,
  };
}
