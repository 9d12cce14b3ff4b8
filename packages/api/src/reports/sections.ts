import type { TierDistribution } from "@realise/domain";
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

export function caveats(report: ReportWriter, lines: readonly string[]) {
  report.heading("Caveats");
  for (const line of lines) report.paragraph(`• ${line}`);
}
