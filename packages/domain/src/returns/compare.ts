import type { Functionality } from "../framework/schema.js";

/** What counts as a large change between periods, highlighted for the reviewer. */
export const LARGE_CHANGE = { levels: 2, coveragePoints: 25, usagePoints: 25 } as const;

/** One functionality's figures in a return or a snapshot, as far as a comparison needs them. */
export interface ComparableRecord {
  functionalityCode: string;
  level: number;
  coveragePct: number | null;
  usageNumerator: number | null;
  usageDenominator: number | null;
}

/** The figures set side by side. */
export interface ComparedValues {
  level: number;
  coveragePct: number | null;
  usagePct: number | null;
}

export interface ReturnComparisonRow {
  functionalityCode: string;
  name: string;
  tier: number;
  current: ComparedValues | null;
  previous: ComparedValues | null;
  levelChange: number | null;
  coverageChange: number | null;
  usageChange: number | null;
  /** Why the row is highlighted; empty when the change is small. */
  largeChanges: string[];
}

/** Where the previous period's figures came from: its return, else its published snapshot, else nowhere. */
export type PreviousSource = "return" | "snapshot" | null;

const NOTHING: ComparedValues = { level: 0, coveragePct: null, usagePct: null };

/** A record's figures, usage as a percentage; null for no record. */
export function comparedValues(r: ComparableRecord | undefined): ComparedValues | null {
  if (!r) return null;
  const usagePct =
    r.usageNumerator !== null && r.usageDenominator ? (100 * r.usageNumerator) / r.usageDenominator : null;
  return { level: r.level, coveragePct: r.coveragePct, usagePct };
}

const delta = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : a - b;

const way = (change: number) => (change > 0 ? "up" : "down");

/**
 * The reasons a row is highlighted, in words: a level moving by two or more, coverage or usage moving by
 * 25 points or more.
 *
 * Why: a reviewer validating two hundred returns looks first at what moved a lot.
 */
export function largeChanges(
  levelChange: number | null,
  coverageChange: number | null,
  usageChange: number | null,
): string[] {
  const out: string[] = [];
  if (levelChange !== null && Math.abs(levelChange) >= LARGE_CHANGE.levels)
    out.push(`Level ${way(levelChange)} ${Math.abs(levelChange)}`);
  if (coverageChange !== null && Math.abs(coverageChange) >= LARGE_CHANGE.coveragePoints)
    out.push(`Coverage ${way(coverageChange)} ${Math.round(Math.abs(coverageChange))} points`);
  if (usageChange !== null && Math.abs(usageChange) >= LARGE_CHANGE.usagePoints)
    out.push(`Usage ${way(usageChange)} ${Math.round(Math.abs(usageChange))} points`);
  return out;
}

/**
 * The previous period's records to compare with: its return if there is one, else its published snapshot
 * if that holds the trust, else none.
 */
export function previousRecords<R extends ComparableRecord>(
  previousReturn: readonly R[] | undefined,
  snapshot: readonly R[],
): { records: readonly R[] | null; source: PreviousSource } {
  if (previousReturn) return { records: previousReturn, source: "return" };
  if (snapshot.length > 0) return { records: snapshot, source: "snapshot" };
  return { records: null, source: null };
}

/**
 * A return's figures beside the previous period's, one row per functionality that applies to the trust's
 * type, in the framework's order. A functionality without a record counts as level 0; with no previous
 * period at all, every change is null.
 */
export function compareReturnRecords(
  functionalities: readonly Pick<Functionality, "code" | "name" | "tier" | "appliesTo">[],
  trustType: string,
  current: readonly ComparableRecord[],
  previous: readonly ComparableRecord[] | null,
): ReturnComparisonRow[] {
  const now = new Map(current.map((r) => [r.functionalityCode, r]));
  const before = new Map((previous ?? []).map((r) => [r.functionalityCode, r]));
  return functionalities
    .filter((f) => (f.appliesTo as readonly string[]).includes(trustType))
    .map((f) => {
      const cur = comparedValues(now.get(f.code)) ?? NOTHING;
      const prev = previous ? (comparedValues(before.get(f.code)) ?? NOTHING) : null;
      const levelChange = prev ? cur.level - prev.level : null;
      const coverageChange = delta(cur.coveragePct, prev?.coveragePct);
      const usageChange = delta(cur.usagePct, prev?.usagePct);
      return {
        functionalityCode: f.code,
        name: f.name,
        tier: f.tier,
        current: { ...cur },
        previous: prev ? { ...prev } : null,
        levelChange,
        coverageChange,
        usageChange,
        largeChanges: largeChanges(levelChange, coverageChange, usageChange),
      };
    });
}
