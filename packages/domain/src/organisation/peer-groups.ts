import type { FieldIssue } from "../errors/app-error.js";
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

/** A group of a set as the national team enters it. */
export interface PeerGroupEntry {
  id: string;
  name: string;
  members: string[];
}

/**
 * Problems with a set's groups, with paths inside the list: a trust in two groups, a group id used twice.
 *
 * Why: groups in a set are exclusive (see peerGroupConflicts), and a group is addressed by its id.
 */
export function peerGroupSetIssues(setId: string, groups: readonly PeerGroupEntry[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const c of peerGroupConflicts(groups.map((g) => ({ ...g, set: setId })))) {
    const i = groups.findIndex((g) => g.id === c.groupIds[1]);
    issues.push({
      path: [Math.max(i, 0), "members"],
      message: `${c.odsCode} is in more than one group of this set (${c.groupIds.join(", ")}); a trust sits in one group per set`,
    });
  }
  const seenIds = new Set<string>();
  groups.forEach((g, i) => {
    if (seenIds.has(g.id)) issues.push({ path: [i, "id"], message: `Group id ${g.id} is used twice` });
    seenIds.add(g.id);
  });
  return issues;
}
