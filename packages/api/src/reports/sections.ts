import type { TierDistribution } from "@realise/domain";
import { tierShareChart } from "./charts.js";
import type { ReportWriter } from "./document.js";
import { count } from "./format.js";

/** Peer groups as counts per tier: where the trust's peers stand, never a rank. */
export function peerTable(report: ReportWriter, peers: readonly TierDistribution[], tiers: number) {
  const share = 0.4 / (tiers + 1);
  report.table(
    [
      { header: "Peer group", width: 0.45 },
      { header: "Trusts", width: 0.15, align: "right" },
      ...Array.from({ length: tiers + 1 }, (_, n) => ({
        header: `T${n}`,
        width: share,
        align: "right" as const,
      })),
    ],
    peers.map((p) => [
      p.group,
      count(p.trusts),
      ...Array.from({ length: tiers + 1 }, (_, n) => count(p.tierCounts[n] ?? 0)),
    ]),
  );
}

/** The same peer groups as a chart of tier shares, with the counts in its alternative text. */
export function peerChart(report: ReportWriter, peers: readonly TierDistribution[], tiers: number) {
  if (peers.length === 0) return;
  const height = 60 + peers.length * 40;
  const alt = peers
    .map(
      (p) =>
        `${p.group}, ${p.trusts} trusts: ${Array.from({ length: tiers + 1 }, (_, n) => `tier ${n} ${p.tierCounts[n] ?? 0}`).join(", ")}`,
    )
    .join(". ");
  report.figure(
    tierShareChart({ groups: [...peers].map((p) => ({ label: p.group, ...p })), tiers, width: 480, height }),
    `Stacked bar chart of the share of trusts at each tier. ${alt}.`,
    480,
    height,
  );
}

export function caveats(report: ReportWriter, lines: readonly string[]) {
  report.heading("Caveats");
  for (const line of lines) report.paragraph(`• ${line}`);
}
