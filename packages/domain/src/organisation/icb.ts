import type { FieldIssue } from "../errors/app-error.js";
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

/** A membership as the national team enters it, for one trust. */
export interface MembershipEntry {
  icbCode: string;
  validFrom: string;
  validTo: string | null;
}

/** An ICB with its own validity (ICBs merge, so some have ended). */
export interface IcbValidity {
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

/**
 * Problems with a trust's membership history, with paths inside the list: unknown ICBs, ends before
 * starts, memberships outside their ICB's own dates, and overlaps.
 *
 * Why: a trust is in one ICB on any day, and only while that ICB exists, or roll-ups by ICB for a past
 * period would count it twice or under an ICB that did not exist.
 */
export function membershipIssues(
  odsCode: string,
  memberships: readonly MembershipEntry[],
  icbs: readonly IcbValidity[],
): FieldIssue[] {
  const icbOf = new Map(icbs.map((i) => [i.code, i]));
  const issues: FieldIssue[] = [];
  memberships.forEach((m, i) => {
    const icb = icbOf.get(m.icbCode);
    if (!icb) {
      issues.push({ path: [i, "icbCode"], message: `${m.icbCode} is not a known ICB code` });
      return;
    }
    if (m.validTo !== null && m.validTo < m.validFrom)
      issues.push({ path: [i, "validTo"], message: "End date must be on or after the start date" });
    if (m.validFrom < icb.validFrom)
      issues.push({
        path: [i, "validFrom"],
        message: `${icb.name} only exists from ${icb.validFrom}; start the membership on or after that date`,
      });
    if (icb.validTo !== null && (m.validTo === null || m.validTo > icb.validTo))
      issues.push({
        path: [i, "validTo"],
        message: `${icb.name} ended on ${icb.validTo}; end the membership on or before that date`,
      });
  });
  const asDomain: IcbMembership[] = memberships.map((m) => ({ ...m, odsCode }));
  for (const o of overlappingMemberships(asDomain)) {
    const i = memberships.findIndex(
      (m) => m.validFrom === o.second.validFrom && m.icbCode === o.second.icbCode,
    );
    issues.push({
      path: [Math.max(i, 0), "validFrom"],
      message: `Membership of ${o.second.icbCode} from ${o.second.validFrom} overlaps membership of ${o.first.icbCode} from ${o.first.validFrom}; a trust is in one ICB on any day`,
    });
  }
  return issues;
}

/**
 * A warning (not a refusal) when a trust's memberships leave it in no ICB on `today`: ICB views would then
 * count it under "Not recorded". Why not refused: between an ICB's end and the merged ICB's start the
 * registry may briefly be incomplete while the national team enters the new membership.
 */
export function noIcbWarning(
  odsCode: string,
  memberships: readonly { validFrom: string; validTo: string | null }[],
  today: string,
): string | null {
  const covered = memberships.some((m) => m.validFrom <= today && (m.validTo === null || m.validTo >= today));
  return covered
    ? null
    : `${odsCode} is now in no ICB: ICB views will count it under "Not recorded" until a membership covers today`;
}
