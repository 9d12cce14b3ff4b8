/** Where a group of peers stands. */
export interface TierDistribution {
  group: string;
  trusts: number;
  /** Count of trusts at each attained tier 0..5. */
  tierCounts: number[];
  /** Progress toward the next tier of every trust in the group, ascending, for a distribution plot. */
  progress: number[];
}

/**
 * A peer group's tier counts and every member's progress, never a rank.
 *
 * Why: trusts compare themselves with peers as a distribution; a league table invites gaming.
 */
export function tierDistribution(
  group: string,
  members: readonly { tier: number; progress: number }[],
): TierDistribution {
  const tierCounts = [0, 0, 0, 0, 0, 0];
  for (const m of members) tierCounts[m.tier] = (tierCounts[m.tier] ?? 0) + 1;
  return {
    group,
    trusts: members.length,
    tierCounts,
    progress: members.map((m) => m.progress).sort((a, b) => a - b),
  };
}

/** How a trust's peer groups are named: by trust type, and by EPR supplier. */
export const peerGroupLabel = {
  trustType: (trustType: string) => `All ${trustType.replace("_", " ")} trusts`,
  supplier: (supplier: string) => `All trusts on ${supplier}`,
};
