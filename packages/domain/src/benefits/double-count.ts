import { benefitProgress } from "./progress.js";
import type { BenefitLine } from "./schema.js";

/** How a line is named in results: its id, or its trust and position when it has none yet. */
export function lineKey(line: Pick<BenefitLine, "id" | "odsCode">, index: number): string {
  return line.id ?? `${line.odsCode}#${index}`;
}

/** Totals after removing double counting. */
export interface BenefitTotals {
  /** Benefits minus dis-benefits, in pounds. */
  totalGbp: number;
  countedLines: string[];
  /** Lines left out because a larger line of the same group was counted. */
  excludedLines: Array<{ line: string; group: string; countedInstead: string }>;
}

/**
 * Sums register lines, counting each double-count group once (its largest line) per trust.
 *
 * Why: the Digital and Data Benefits Framework warns that the same saving is easily claimed under several
 * themes; a group marks lines that overlap. Dis-benefits subtract. `basis` picks the full-year value at the
 * line's attribution ("expected") or the value realised so far ("realised").
 */
export function totalsWithoutDoubleCounting(
  lines: readonly BenefitLine[],
  options: { basis?: "expected" | "realised" } = {},
): BenefitTotals {
  const basis = options.basis ?? "expected";
  const valued = lines.map((line, index) => {
    const magnitude =
      basis === "realised"
        ? benefitProgress(line).realisedValueGbp
        : (line.fullYearValueGbp ?? 0) * (line.attributionPct / 100);
    return { key: lineKey(line, index), line, value: line.isDisbenefit ? -magnitude : magnitude };
  });
  const best = new Map<string, (typeof valued)[number]>();
  for (const v of valued) {
    if (v.line.doubleCountGroup === null) continue;
    const g = `${v.line.odsCode}\u0000${v.line.doubleCountGroup}`;
    const prev = best.get(g);
    if (!prev || Math.abs(v.value) > Math.abs(prev.value)) best.set(g, v);
  }
  let totalGbp = 0;
  const countedLines: string[] = [];
  const excludedLines: BenefitTotals["excludedLines"] = [];
  for (const v of valued) {
    const group = v.line.doubleCountGroup;
    const chosen = group === null ? v : best.get(`${v.line.odsCode}\u0000${group}`);
    if (chosen === v) {
      totalGbp += v.value;
      countedLines.push(v.key);
    } else if (group !== null && chosen) {
      excludedLines.push({ line: v.key, group, countedInstead: chosen.key });
    }
  }
  return { totalGbp, countedLines, excludedLines };
}
