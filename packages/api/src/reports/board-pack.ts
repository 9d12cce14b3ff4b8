import type { BoardPackData } from "../services/reports/index.js";
import { barChart, CHART_COLOURS } from "./charts.js";
import { ReportWriter } from "./document.js";
import { dateOf, gbp, percent, tierLabel } from "./format.js";
import { caveats, peerChart, peerTable } from "./sections.js";

export const DRAFT_BANNER = "Draft — not submitted";

const LEVEL = (n: number) => `L${n}`;

/** A trust's board pack as a tagged PDF: a one-page summary, then each section in detail. */
export async function boardPackPdf(data: BoardPackData, generatedOn: string): Promise<Buffer> {
  const { trust } = data;
  const periodText = data.period ?? `live records as at ${dateOf(generatedOn)}`;
  const tierName = (n: number) => data.tiers.find((t) => t.number === n)?.name;
  const report = new ReportWriter({
    title: `${trust.name}: EPR adoption board pack, ${data.period ?? "draft"}`,
    subject: `Realise board pack for ${trust.name} (${trust.odsCode})`,
    footer: `${trust.name} (${trust.odsCode}) · ${data.period ?? "Draft"} · framework v${data.frameworkVersion}`,
    banner: data.period === null ? DRAFT_BANNER : undefined,
  });
  const nextTier = data.tiers.find((t) => t.number > data.attainedTier);
  const benefits = data.benefits.totals;

  report.heading(`${trust.name}: board pack`, 1);
  if (data.period === null)
    report.paragraph(
      `${DRAFT_BANNER}. These are the trust's live records, not an official return: they may change and are not validated.`,
      { bold: true, colour: "#D5281B" },
    );
  report.heading("Summary");
  report.facts([
    ["Trust", `${trust.name} (${trust.odsCode})`],
    ["Trust type, region", `${trust.trustType.replace("_", " ")}, ${trust.region}`],
    ["EPR", `${trust.eprStatus}${trust.eprSupplier ? `, ${trust.eprSupplier}` : ""}`],
    ["Period", data.period ? `${data.period} (official, published)` : periodText],
    ["Framework version", `v${data.frameworkVersion}`],
    ["Attained tier", tierLabel(data.attainedTier, tierName(data.attainedTier))],
    [
      "Progress to next tier",
      nextTier
        ? `${percent(data.progressToNext)} of ${tierLabel(nextTier.number, nextTier.name)}`
        : "Top tier attained",
    ],
    ["What the next tier needs", nextTierSummary(data)],
    [
      "Since the previous official period",
      data.previous
        ? `${data.previous.period}: ${tierLabel(data.previous.attainedTier)}; ${data.changes.up.length} functionalities up, ${data.changes.down.length} down`
        : "No earlier official period",
    ],
    ["Where the figures came from", sourcesSummary(data.sources)],
    ["Benefits realised (live)", `${gbp(benefits.realisedGbp)} of ${gbp(benefits.expectedGbp)} expected`],
    ["Plan (live)", planSummary(data.plan)],
  ]);
  report.paragraph(
    data.period
      ? `Adoption, tiers and peers are the official figures published for ${data.period}. Benefits and the plan are the trust's live register and plan as at ${dateOf(generatedOn)}: returns do not freeze them.`
      : `Every figure here is live, as at ${dateOf(generatedOn)}.`,
    { size: 9 },
  );
  report.paragraph(
    "Adoption levels describe how EPR functionality is used, not the quality of care; peers are shown as distributions, never as a rank.",
    { size: 9 },
  );

  report.newPage();
  report.heading("Tier and what the next tier needs");
  report.table(
    [
      { header: "Tier", width: 0.4 },
      { header: "Attained", width: 0.15 },
      { header: "Mandatory met", width: 0.2, align: "right" },
      { header: "Menu met", width: 0.25, align: "right" },
    ],
    data.tierStatus.map((t) => [
      tierLabel(t.tier, t.name),
      t.tier <= data.attainedTier ? "Yes" : "No",
      `${t.mandatoryMet} of ${t.mandatoryTotal}`,
      `${t.menuMet} of ${t.menuRequired} needed`,
    ]),
  );
  if (nextTier && data.nextTierNeeds.length > 0) {
    report.paragraph(`To attain ${tierLabel(nextTier.number, nextTier.name)}:`, { bold: true });
    report.table(
      [
        { header: "Functionality", width: 0.35 },
        { header: "Now", width: 0.1 },
        { header: "Needs", width: 0.1 },
        { header: "What is missing", width: 0.45 },
      ],
      data.nextTierNeeds.map((g) => [
        g.functionalityName,
        LEVEL(g.currentLevel),
        LEVEL(g.requiredLevel),
        g.text,
      ]),
    );
  }

  report.heading("What changed since the previous official period");
  if (!data.previous) report.paragraph("There is no earlier official period to compare with.");
  else {
    report.paragraph(
      `Tier in ${data.previous.period}: ${tierLabel(data.previous.attainedTier)}; now ${tierLabel(data.attainedTier)}.`,
    );
    const moves = [
      ...data.changes.up.map((c) => [c.name, "Up", LEVEL(c.from), LEVEL(c.to)]),
      ...data.changes.down.map((c) => [c.name, "Down", LEVEL(c.from), LEVEL(c.to)]),
    ];
    if (moves.length === 0) report.paragraph("No functionality changed level.");
    else
      report.table(
        [
          { header: "Functionality", width: 0.55 },
          { header: "Change", width: 0.15 },
          { header: `In ${data.previous.period}`, width: 0.15 },
          { header: "Now", width: 0.15 },
        ],
        moves,
      );
  }

  report.heading("Peers, as distributions");
  report.paragraph(
    `How many trusts of each peer group are at each tier ${data.period ? `in ${data.period}` : "today"}. This is a distribution, not a rank.`,
  );
  peerTable(report, data.peers, data.tiers.length);
  peerChart(report, data.peers, data.tiers.length);

  report.heading("Benefits realised against target (live)", 2, 160);
  report.paragraph(
    `${data.benefits.lines} benefit lines. Totals are net of double counting: ${benefits.excludedLines.length} line(s) left out because another line counts the same benefit.`,
  );
  report.facts([
    ["Expected full-year value (target)", gbp(benefits.expectedGbp)],
    ["Realised so far", gbp(benefits.realisedGbp)],
    [
      "Realised share",
      benefits.expectedGbp !== 0 ? percent(benefits.realisedGbp / benefits.expectedGbp) : "–",
    ],
  ]);
  report.figure(
    barChart({
      categories: ["Benefits, net of double counting"],
      series: [
        {
          name: "Expected (target)",
          values: [Math.round(benefits.expectedGbp)],
          colour: CHART_COLOURS.secondary,
        },
        { name: "Realised", values: [Math.round(benefits.realisedGbp)], colour: CHART_COLOURS.primary },
      ],
      width: 480,
      height: 200,
      valueLabel: gbp,
    }),
    `Bar chart: benefits realised ${gbp(benefits.realisedGbp)} against ${gbp(benefits.expectedGbp)} expected, net of double counting.`,
    480,
    200,
  );

  report.heading("The plan beside the national roadmap (live)");
  report.table(
    [
      { header: "Tier", width: 0.4 },
      { header: "Status", width: 0.2 },
      { header: "Forecast", width: 0.2 },
      { header: "Without at-risk items", width: 0.2 },
    ],
    data.plan.tiers.map((t) => [
      tierLabel(t.tier, t.name),
      t.status.replace("_", " "),
      dateOf(t.forecastDate),
      dateOf(t.cautiousForecastDate),
    ]),
  );
  report.table(
    [
      { header: "Milestone", width: 0.4 },
      { header: "Target", width: 0.2 },
      { header: "Forecast", width: 0.2 },
      { header: "Slippage", width: 0.2 },
    ],
    data.plan.milestones
      .filter((m) => m.applies)
      .map((m) => [
        m.title,
        dateOf(m.targetDate),
        m.attainedNow ? "Met now" : dateOf(m.forecastDate),
        m.slippageDays === null ? "–" : m.slippageDays > 0 ? `${m.slippageDays} days late` : "On time",
      ]),
  );

  caveats(report, [
    "Adoption levels describe how EPR functionality is used, not the quality of care; do not rank trusts by them.",
    data.period
      ? `Official figures are the trust's accepted return for ${data.period}, scored under framework v${data.frameworkVersion}.`
      : "A draft is built from live records that have not been submitted or validated.",
    "Benefits and the plan are live: they are not part of the quarterly return and may have changed since the period.",
  ]);
  return report.finish();
}

/** "3 of 28 records reported by the trust's own systems; 25 entered by staff (self-assessed)". */
export function sourcesSummary(sources: BoardPackData["sources"]): string {
  const entered = sources.records - sources.systemReported;
  const word = (n: number) => (n === 1 ? "record" : "records");
  return `${sources.systemReported} of ${sources.records} ${word(sources.records)} system-reported by the trust's own EPR; ${entered} entered by staff (self-assessed)`;
}

/** The next tier the live plan reaches, and when; or why there is none. */
function planSummary(plan: BoardPackData["plan"]): string {
  const next = plan.tiers.find((t) => t.tier > plan.attainedTier && t.status === "forecast");
  if (next) return `${tierLabel(next.tier, next.name)} forecast ${dateOf(next.forecastDate)}`;
  return plan.tiers.every((t) => t.status === "attained")
    ? "Every tier attained"
    : `Live tier ${plan.attainedTier}; no planned work reaches the next tier`;
}

/** The functionalities still short of the next tier, named, at most four. */
function nextTierSummary(data: BoardPackData): string {
  const names = [...new Set(data.nextTierNeeds.map((g) => g.functionalityName))];
  if (names.length === 0) return data.attainedTier >= data.tiers.length ? "Top tier attained" : "–";
  const shown = names.slice(0, 4).join("; ");
  return `${names.length} functionalit${names.length === 1 ? "y" : "ies"} to raise: ${shown}${names.length > 4 ? "; …" : ""}`;
}
