import type { Framework } from "../framework/schema.js";
import { periodRange, previousPeriod } from "../periods/periods.js";
import { lineKey } from "./double-count.js";
import { benefitProgress, latestActual } from "./progress.js";
import type { BenefitLine } from "./schema.js";

/** A functionality embedded (L4+) with no benefit line tracking it. */
export interface L4WithoutBenefitFlag {
  kind: "l4_without_benefit";
  odsCode: string;
  functionalityCode: string;
  message: string;
}
/** A benefit being tracked while a functionality it depends on is not live. */
export interface EnablersNotLiveFlag {
  kind: "enablers_not_live";
  odsCode: string;
  line: string;
  functionalityCodes: string[];
  message: string;
}
/** A benefit in progress with no actual for the period just ended. */
export interface OverdueActualFlag {
  kind: "overdue_actual";
  odsCode: string;
  line: string;
  duePeriod: string;
  message: string;
}
/** Several lines of one double-count group; only the largest is counted. */
export interface DoubleCountFlag {
  kind: "double_count";
  odsCode: string;
  group: string;
  lines: string[];
  message: string;
}
/** Anything a benefits lead should look at. */
export type BenefitFlag = L4WithoutBenefitFlag | EnablersNotLiveFlag | OverdueActualFlag | DoubleCountFlag;

/**
 * Checks a trust's (or many trusts') adoption and register for things that need attention.
 *
 * Why: benefits drift when nobody looks: embedded functions with no benefit tracked (the Health Foundation's
 * "digital notebook"), benefits claimed for functions not live, actuals not recorded, and double counting.
 */
export function benefitFlags(input: {
  records: ReadonlyArray<{ odsCode: string; functionalityCode: string; level: number }>;
  lines: readonly BenefitLine[];
  /** A quarter or a year: its kind sets how often actuals are due (the previous period's must exist). */
  currentPeriod: string;
  /** When given, L4 functions are flagged only if some benefit type lists them as enabling. */
  framework?: Framework;
}): BenefitFlag[] {
  const { records, lines, currentPeriod, framework } = input;
  const flags: BenefitFlag[] = [];
  const level = new Map<string, number>();
  for (const r of records) {
    const k = `${r.odsCode}\u0000${r.functionalityCode}`;
    level.set(k, Math.max(level.get(k) ?? 0, r.level));
  }
  const levelOf = (ods: string, code: string) => level.get(`${ods}\u0000${code}`) ?? 0;
  const benefitBearing = framework
    ? new Set(framework.benefitTypes.flatMap((b) => b.enablingFunctionalities))
    : null;

  const tracked = new Set<string>();
  for (const line of lines) {
    if (line.isDisbenefit || line.status === "not_realised") continue;
    for (const code of line.enablingFunctionalities) tracked.add(`${line.odsCode}\u0000${code}`);
  }
  for (const [k, l] of level) {
    const [odsCode = "", functionalityCode = ""] = k.split("\u0000");
    if (l < 4 || tracked.has(k)) continue;
    if (benefitBearing && !benefitBearing.has(functionalityCode)) continue;
    flags.push({
      kind: "l4_without_benefit",
      odsCode,
      functionalityCode,
      message: `${functionalityCode} is embedded (L${l}) but no benefit line tracks it`,
    });
  }

  const due = previousPeriod(currentPeriod);
  const dueEnd = periodRange(due).end;
  const groups = new Map<string, string[]>();
  lines.forEach((line, index) => {
    const key = lineKey(line, index);
    if (line.status === "in_progress" || line.status === "realised") {
      const notLive = line.enablingFunctionalities.filter((code) => levelOf(line.odsCode, code) < 2);
      if (notLive.length > 0) {
        flags.push({
          kind: "enablers_not_live",
          odsCode: line.odsCode,
          line: key,
          functionalityCodes: notLive,
          message: `"${line.title}" depends on ${notLive.join(", ")}, not yet live`,
        });
      }
    }
    if (line.status === "in_progress" && line.baseline.date <= dueEnd) {
      const latest = latestActual(line);
      if (!latest || periodRange(latest.period).end < dueEnd) {
        flags.push({
          kind: "overdue_actual",
          odsCode: line.odsCode,
          line: key,
          duePeriod: due,
          message: `"${line.title}" has no actual for ${due}${latest ? ` (latest ${latest.period})` : ""}`,
        });
      }
    }
    if (line.doubleCountGroup !== null) {
      const g = `${line.odsCode}\u0000${line.doubleCountGroup}`;
      groups.set(g, [...(groups.get(g) ?? []), key]);
    }
  });
  for (const [g, keys] of groups) {
    if (keys.length < 2) continue;
    const [odsCode = "", group = ""] = g.split("\u0000");
    flags.push({
      kind: "double_count",
      odsCode,
      group,
      lines: keys,
      message: `${keys.length} lines share double-count group "${group}"; only the largest is counted`,
    });
  }
  return flags;
}

/**
 * Whether a trust has measured a benefit of a functionality: a non-dis-benefit line enabled by it with an
 * actual that moved towards target.
 *
 * Why: L5 (optimised) needs "at least one linked benefit with baseline and measured improvement" (§7.3).
 */
export function benefitMeasuredFor(
  odsCode: string,
  functionalityCode: string,
  lines: readonly BenefitLine[],
): boolean {
  return lines.some((line) => {
    if (
      line.odsCode !== odsCode ||
      line.isDisbenefit ||
      !line.enablingFunctionalities.includes(functionalityCode)
    )
      return false;
    const p = benefitProgress(line).progress;
    return p !== null && p > 0;
  });
}
