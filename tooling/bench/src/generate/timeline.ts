/** The timeline every trust shares: the historic quarters (snapshotted), then the quarter now running. */
export interface Timeline {
  periods: string[];
  current: string;
  /** ISO date the generated world ends on ("today"). */
  asOf: string;
  seed: string;
}
