import { isSuppressed, type NationalGroupRow } from "@realise/domain";
import type { NationalReportData } from "../services/reports/index.js";
import { barChart, CHART_COLOURS } from "./charts.js";
import { type Column, ReportWriter } from "./document.js";
import { count, dateOf, gbp, percent, tierLabel } from "./format.js";
import { caveats } from "./sections.js";

export const PROVISIONAL_MARK = "Provisional";

const NOT_A_LEAGUE_TABLE =
  "This report is not a league table. Adoption levels describe how EPR functionality is used, not the quality of care; do not rank trusts by them.";

/** The national quarterly report as a tagged PDF: summary first, then coverage, tiers, groups, milestones, benefits. */
export async function nationalReportPdf(data: NationalReportData, suppressBelow: number): Promise<Buffer> {
  const o = data.overview;
  const report = new ReportWriter({
    title: `EPR adoption in ${data.scopeLabel ?? "England"}: ${data.scopeLabel ? "quarterly report" : "national quarterly report"}, ${data.period}`,
    subject: "Realise national quarterly report",
    footer: `National quarterly report · ${data.period}${data.provisional ? ` · ${PROVISIONAL_MARK}` : ""} · framework v${o.frameworkVersion}`,
    watermark: data.provisional ? PROVISIONAL_MARK : undefined,
  });
  const live = o.eprStatus.find((s) => s.status === "live")?.count ?? 0;
  const tierColumns = (tiers: number): Column[] =>
    Array.from({ length: tiers + 1 }, (_, n) => ({
      header: `T${n}`,
      width: 0.45 / (tiers + 1),
      align: "right",
    }));

  report.heading(`EPR adoption in ${data.scopeLabel ?? "England"}: ${data.period}`, 1);
  if (data.provisional)
    report.paragraph(
      `${PROVISIONAL_MARK}: ${data.period} has not been published. These figures are what freezing it now would publish, and may change.`,
      { bold: true, colour: "#D5281B" },
    );
  report.heading("Summary");
  report.facts([
    ["Period", `${data.period}${data.provisional ? " (provisional)" : " (official, published)"}`],
    ["Framework version", `v${o.frameworkVersion}`],
    ["Trusts in the figures", `${count(o.trusts)} (with an accepted return)`],
    ["EPR live", `${count(live)} of ${count(o.trusts)} (${percent(o.trusts ? live / o.trusts : null)})`],
    ...o.tierCounts.map((c, n): [string, string] => [
      tierLabel(n, o.tiers.find((t) => t.number === n)?.name),
      count(c),
    ]),
    [
      "Movement since the previous period",
      data.previousPeriod
        ? `${data.movement.up} up, ${data.movement.same} same, ${data.movement.down} down (against ${data.previousPeriod})`
        : "No earlier published period",
    ],
    [
      "Benefits realised (live)",
      `${gbp(data.benefits.totals.realisedGbp)} of ${gbp(data.benefits.totals.expectedGbp)} expected`,
    ],
  ]);
  report.paragraph(NOT_A_LEAGUE_TABLE, { size: 9 });

  report.newPage();
  report.heading("EPR coverage");
  report.table(
    [
      { header: "EPR status", width: 0.6 },
      { header: "Trusts", width: 0.4, align: "right" },
    ],
    o.eprStatus.map((s) => [s.status.replace("_", " "), count(s.count)]),
  );
  report.paragraph(
    o.withoutLiveEpr.length === 0
      ? "Every trust in the figures has a live EPR."
      : `Trusts without a live EPR (${o.withoutLiveEpr.length}):`,
  );
  if (o.withoutLiveEpr.length > 0)
    report.table(
      [
        { header: "Trust", width: 0.55 },
        { header: "ODS code", width: 0.15 },
        { header: "EPR status", width: 0.3 },
      ],
      o.withoutLiveEpr.map((t) => [t.name, t.odsCode, t.eprStatus.replace("_", " ")]),
    );

  report.heading("Tier distribution and movement", 2, 260);
  const categories = o.tierCounts.map((_, n) => `Tier ${n}`);
  report.figure(
    barChart({
      categories,
      series: [
        ...(data.previousTierCounts
          ? [
              {
                name: data.previousPeriod ?? "Previous",
                values: data.previousTierCounts,
                colour: CHART_COLOURS.secondary,
              },
            ]
          : []),
        { name: data.period, values: o.tierCounts, colour: CHART_COLOURS.primary },
      ],
      width: 480,
      height: 210,
    }),
    `Bar chart of trusts by attained tier in ${data.period}: ${o.tierCounts.map((c, n) => `tier ${n} ${c}`).join(", ")}${data.previousTierCounts ? `; in ${data.previousPeriod}: ${data.previousTierCounts.map((c, n) => `tier ${n} ${c}`).join(", ")}` : ""}.`,
    480,
    210,
  );
  report.table(
    [
      { header: "Tier", width: 0.4 },
      { header: data.previousPeriod ?? "Previous", width: 0.3, align: "right" },
      { header: data.period, width: 0.3, align: "right" },
    ],
    o.tierCounts.map((c, n) => [
      tierLabel(n),
      data.previousTierCounts ? count(data.previousTierCounts[n] ?? 0) : "–",
      count(c),
    ]),
  );
  if (data.previousPeriod)
    report.paragraph(
      `Of the trusts in both periods, ${data.movement.up} moved up a tier or more, ${data.movement.down} moved down and ${data.movement.same} stayed; ${data.movement.notInPrevious} had no official figures in ${data.previousPeriod}.`,
    );

  const groupTable = (title: string, rows: readonly NationalGroupRow[]) => {
    report.heading(title);
    report.table(
      [
        { header: "Group", width: 0.3 },
        { header: "Trusts", width: 0.1, align: "right" },
        { header: "EPR live", width: 0.15, align: "right" },
        ...tierColumns(o.tiers.length),
      ],
      rows.map((g) =>
        isSuppressed(g.trusts, suppressBelow)
          ? [g.label, count(g.trusts), "*", ...o.tierCounts.map(() => "*")]
          : [g.label, count(g.trusts), count(g.eprLive), ...g.tierCounts.map(count)],
      ),
      `Trusts per attained tier (T0–T${o.tiers.length}); * withheld: fewer than ${suppressBelow} trusts.`,
    );
  };
  groupTable("By region", o.groups.region);
  groupTable(
    "By trust type",
    o.groups.trustType.map((g) => ({ ...g, label: g.label.replace("_", " ") })),
  );
  groupTable("By EPR supplier", o.groups.supplier);
  groupTable("By ICB", o.groups.icb);

  report.heading("Roadmap milestones and trusts at risk");
  report.table(
    [
      { header: "Milestone", width: 0.36 },
      { header: "Target date", width: 0.18 },
      { header: "Meeting now", width: 0.2, align: "right" },
      { header: "Target share", width: 0.13, align: "right" },
      { header: "At risk", width: 0.13, align: "right" },
    ],
    o.milestones.map((m) => [
      m.title,
      dateOf(m.targetDate),
      `${count(m.metNow)} of ${count(m.eligible)} (${percent(m.shareNow)})`,
      percent(m.targetShare),
      count(m.atRiskTotal),
    ]),
  );
  for (const m of o.milestones.filter((x) => x.atRisk.length > 0)) {
    report.paragraph(
      `${m.title}: trusts at risk, closest first${m.atRiskTotal > m.atRisk.length ? ` (${m.atRisk.length} of ${m.atRiskTotal})` : ""}: ${m.atRisk.map((t) => t.name).join("; ")}.`,
      { size: 9 },
    );
  }

  report.heading("Benefits (live)");
  const b = data.benefits;
  report.paragraph(
    `${count(b.totals.lines)} benefit lines from ${count(b.totals.trustsTracking)} trusts; totals net of double counting (${count(b.totals.excludedLines)} lines left out).`,
  );
  report.table(
    [
      { header: "Benefit type", width: 0.5 },
      { header: "Expected", width: 0.25, align: "right" },
      { header: "Realised", width: 0.25, align: "right" },
    ],
    [
      ...b.byType.filter((t) => t.lines > 0).map((t) => [t.label, gbp(t.expectedGbp), gbp(t.realisedGbp)]),
      ["Total", gbp(b.totals.expectedGbp), gbp(b.totals.realisedGbp)],
    ],
  );

  caveats(report, [NOT_A_LEAGUE_TABLE]);
  report.heading("Methodology");
  const returns = Object.entries(data.returns)
    .map(([status, n]) => `${status} ${count(n)}`)
    .join(", ");
  for (const line of [
    `Framework: version ${o.frameworkVersion} of the EPR adoption framework; tiers are cumulative and each needs every applicable mandatory functionality plus a number of menu functionalities.`,
    `Collection: trusts returned their adoption for ${data.period} through Realise; returns by state: ${returns}.`,
    "Validation: only returns the national team accepted count; a trust without an accepted return is left out of the figures, never filled in with live values.",
    `Suppression: a group of fewer than ${suppressBelow} trusts shows only its count, as in the open data.`,
    data.provisional
      ? "Provisional: built from the accepted returns as they stand; publishing the period may change the figures."
      : `Published: the figures are the frozen snapshot of ${data.period}, the same as the open data for the period.`,
    "Benefits are the trusts' live registers, not part of the quarterly return.",
  ])
    report.paragraph(line, { size: 9 });
  return report.finish();
}
