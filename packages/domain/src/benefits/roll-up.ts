import type { BenefitType } from "../framework/schema.js";
import { type BenefitTotals, totalsWithoutDoubleCounting } from "./double-count.js";
import { benefitProgress } from "./progress.js";
import type { BenefitLine } from "./schema.js";
import { expectedValueGbp } from "./value.js";

/** A register's totals with double counting removed: expected and realised pounds, and the lines left out. */
export function registerTotals(lines: readonly BenefitLine[]): {
  expectedGbp: number;
  realisedGbp: number;
  excludedLines: BenefitTotals["excludedLines"];
} {
  const expected = totalsWithoutDoubleCounting(lines, { basis: "expected" });
  const realised = totalsWithoutDoubleCounting(lines, { basis: "realised" });
  return {
    expectedGbp: expected.totalGbp,
    realisedGbp: realised.totalGbp,
    excludedLines: expected.excludedLines,
  };
}

/** One group of a benefits roll-up. */
export interface BenefitRollUpRow {
  key: string;
  label: string;
  lines: number;
  trusts: number;
  expectedGbp: number;
  realisedGbp: number;
}

/** What the national roll-up needs to know of a trust to group its lines. */
export interface BenefitRollUpTrust {
  odsCode: string;
  region: string | null;
  icbCode: string | null;
  icbName: string | null;
  eprSupplier: string | null;
}

type RollUpLine = BenefitLine & { id: string };

/**
 * Benefits across many trusts by type, class, region, ICB and supplier, with double counting removed.
 *
 * Why: each trust's double-count groups are resolved once over all its lines, then counted lines are summed
 * into whichever grouping is asked for, so every breakdown adds up to the national total. Every benefit
 * type of the framework is listed, tracked or not, so a type nobody tracks shows as zero.
 */
export function benefitRollUp(input: {
  lines: readonly RollUpLine[];
  benefitTypes: readonly BenefitType[];
  trusts: readonly BenefitRollUpTrust[];
}) {
  const { lines, benefitTypes, trusts } = input;
  const orgs = new Map(trusts.map((o) => [o.odsCode, o]));
  const expected = totalsWithoutDoubleCounting(lines, { basis: "expected" });
  const realised = totalsWithoutDoubleCounting(lines, { basis: "realised" });
  const countedExpected = new Set(expected.countedLines);
  const countedRealised = new Set(realised.countedLines);
  const valued = lines.map((line) => ({
    line,
    expectedGbp: countedExpected.has(line.id) ? expectedValueGbp(line) : 0,
    realisedGbp: countedRealised.has(line.id)
      ? (line.isDisbenefit ? -1 : 1) * benefitProgress(line).realisedValueGbp
      : 0,
  }));
  function rollUpBy(keyOf: (l: RollUpLine) => { key: string; label: string } | null): BenefitRollUpRow[] {
    const groups = new Map<string, BenefitRollUpRow & { trustSet: Set<string> }>();
    for (const v of valued) {
      const k = keyOf(v.line);
      if (!k) continue;
      const g = groups.get(k.key) ?? {
        ...k,
        lines: 0,
        trusts: 0,
        expectedGbp: 0,
        realisedGbp: 0,
        trustSet: new Set<string>(),
      };
      g.lines += 1;
      g.trustSet.add(v.line.odsCode);
      g.expectedGbp += v.expectedGbp;
      g.realisedGbp += v.realisedGbp;
      groups.set(k.key, g);
    }
    return [...groups.values()]
      .map(({ trustSet, ...g }) => ({ ...g, trusts: trustSet.size }))
      .sort((a, b) => b.expectedGbp - a.expectedGbp || a.label.localeCompare(b.label));
  }
  const typeName = new Map(benefitTypes.map((b) => [b.code, b.name]));
  const byType = rollUpBy((l) => ({
    key: l.benefitTypeCode,
    label: typeName.get(l.benefitTypeCode) ?? l.benefitTypeCode,
  }));
  for (const b of benefitTypes) {
    if (!byType.some((r) => r.key === b.code))
      byType.push({ key: b.code, label: b.name, lines: 0, trusts: 0, expectedGbp: 0, realisedGbp: 0 });
  }
  return {
    totals: {
      expectedGbp: expected.totalGbp,
      realisedGbp: realised.totalGbp,
      lines: lines.length,
      trustsTracking: new Set(lines.map((l) => l.odsCode)).size,
      trusts: trusts.length,
      excludedLines: expected.excludedLines.length,
    },
    byType: byType.map((r) => {
      const t = benefitTypes.find((b) => b.code === r.key);
      return { ...r, benefitClass: t?.benefitClass ?? null, isDisbenefit: t?.isDisbenefit ?? false };
    }),
    byClass: rollUpBy((l) => ({ key: l.benefitClass, label: l.benefitClass })),
    byRegion: rollUpBy((l) => {
      const region = orgs.get(l.odsCode)?.region ?? null;
      return { key: region ?? "", label: region ?? "Not known" };
    }),
    byIcb: rollUpBy((l) => {
      const o = orgs.get(l.odsCode);
      return { key: o?.icbCode ?? "", label: o?.icbName ?? "Not known" };
    }),
    bySupplier: rollUpBy((l) => {
      const s = orgs.get(l.odsCode)?.eprSupplier ?? null;
      return { key: s ?? "", label: s ?? "Not recorded" };
    }),
  };
}
