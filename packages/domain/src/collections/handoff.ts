/** What an editor hands to the approver: a tier (1–5), or the whole trust (0). */
export const WHOLE_TRUST = 0;

export interface HandoffState {
  /** The whole trust is marked ready for approval. */
  trustReady: boolean;
  tiers: Array<{ tier: number; name: string; ready: boolean; markedBy: string | null }>;
  /** Tiers not yet marked ready (none when the whole trust is). */
  notReady: number[];
}

/**
 * Which tiers are ready for approval, given what editors marked for the period.
 *
 * Why: the approver signs off work others did; they need to see at a glance what the team says is done,
 * and what it does not. Marking the whole trust ready covers every tier.
 */
export function handoffState(
  tiers: ReadonlyArray<{ number: number; name: string }>,
  marked: ReadonlyArray<{ tier: number; markedBy: string }>,
): HandoffState {
  const by = new Map(marked.map((m) => [m.tier, m.markedBy]));
  const trustReady = by.has(WHOLE_TRUST);
  const rows = tiers.map((t) => ({
    tier: t.number,
    name: t.name,
    ready: trustReady || by.has(t.number),
    markedBy: by.get(t.number) ?? (trustReady ? (by.get(WHOLE_TRUST) ?? null) : null),
  }));
  return { trustReady, tiers: rows, notReady: rows.filter((r) => !r.ready).map((r) => r.tier) };
}
