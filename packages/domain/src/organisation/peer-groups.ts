import type { PeerGroup } from "./schema.js";

/**
 * Trusts placed in more than one group of the same set.
 *
 * Why: peer groups in a set must be exclusive, or a trust's benchmark depends on which group is read first.
 */
export function peerGroupConflicts(
  groups: readonly PeerGroup[],
): Array<{ set: string; odsCode: string; groupIds: string[] }> {
  const seen = new Map<string, string[]>();
  for (const g of groups) {
    for (const ods of new Set(g.members)) {
      const key = `${g.set}\u0000${ods}`;
      seen.set(key, [...(seen.get(key) ?? []), g.id]);
    }
  }
  const out: Array<{ set: string; odsCode: string; groupIds: string[] }> = [];
  for (const [key, ids] of seen) {
    if (ids.length < 2) continue;
    const [set = "", odsCode = ""] = key.split("\u0000");
    out.push({ set, odsCode, groupIds: ids });
  }
  return out;
}

/**
 * The id of the group in `set` that holds the trust, or null.
 *
 * Why: a trust's benchmark is its peer group's distribution, so the group must be found by set.
 */
export function peerGroupOf(groups: readonly PeerGroup[], set: string, odsCode: string): string | null {
  return groups.find((g) => g.set === set && g.members.includes(odsCode))?.id ?? null;
}
