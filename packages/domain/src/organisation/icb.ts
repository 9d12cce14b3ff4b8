import type { IcbMembership } from "./schema.js";

/**
 * The ICB a trust belonged to on a date, or null if none.
 *
 * Why: roll-ups for a past period must use the ICB of that period, not today's merged one.
 */
export function icbOn(memberships: readonly IcbMembership[], odsCode: string, date: string): string | null {
  for (const m of memberships) {
    if (m.odsCode === odsCode && m.validFrom <= date && (m.validTo === null || date <= m.validTo))
      return m.icbCode;
  }
  return null;
}

/**
 * Pairs of a trust's memberships whose date ranges overlap.
 *
 * Why: a trust in two ICBs on the same day would be counted twice in an ICB roll-up.
 */
export function overlappingMemberships(
  memberships: readonly IcbMembership[],
): Array<{ odsCode: string; first: IcbMembership; second: IcbMembership }> {
  const out: Array<{ odsCode: string; first: IcbMembership; second: IcbMembership }> = [];
  const byTrust = new Map<string, IcbMembership[]>();
  for (const m of memberships) byTrust.set(m.odsCode, [...(byTrust.get(m.odsCode) ?? []), m]);
  for (const [odsCode, list] of byTrust) {
    const sorted = [...list].sort((a, b) =>
      a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
    );
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (prev.validTo === null || prev.validTo >= cur.validFrom)
        out.push({ odsCode, first: prev, second: cur });
    }
  }
  return out;
}
