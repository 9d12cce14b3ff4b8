import type { AdoptionInput } from "@realise/domain";

/** One adoption record the update phases write to. */
export interface RecordKey {
  odsCode: string;
  functionalityCode: string;
}

export const keyOf = (k: RecordKey) => `${k.odsCode}/${k.functionalityCode}`;

/**
 * The values of the n-th write: alternately high and low measures, so the derived level and often the
 * trust's tier move, and the write does the full work (level, audit row, tier refresh).
 */
export function updateValues(n: number): AdoptionInput {
  const high = n % 2 === 0;
  return {
    coveragePct: high ? 90 : 30,
    usageNumerator: high ? 950 : 200,
    usageDenominator: 1000,
    measurementWindowStart: "2026-04-01",
    measurementWindowEnd: "2026-06-30",
    paperRetired: high,
    plannedGoLive: null,
    claimedLevel: null,
    claimReason: null,
    evidence: [],
    notes: high ? "bench: high" : "bench: low",
  };
}

/**
 * Which record the i-th write goes to: every tenth write hits one hot record (so concurrent clients do
 * collide and the version check is exercised), the rest walk the records round-robin, interleaved
 * across trusts, so concurrent writers also meet on the same trust's tier row.
 */
export function keyForWrite(keys: readonly RecordKey[], i: number): RecordKey {
  if (keys.length === 0) throw new Error("No records to update");
  if (i % 10 === 9) return keys[0]!;
  return keys[1 + (i % Math.max(1, keys.length - 1))] ?? keys[0]!;
}

/** The current version from a CONFLICT message ("… now version 7 …"), so a client can retry. */
export function versionFromConflict(message: string): number | undefined {
  const m = /now version (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
}
