import type { AdoptionInput } from "@realise/domain";
import { trpcMutation } from "./http.js";
import type { Target } from "./target.js";
import { keyOf, type RecordKey } from "./updates.js";

interface Answer {
  status: number;
  text: string;
}

/**
 * Freshness, measured the one way for every view and instance: the editor writes one record through
 * `writeUrl`, then `read` is asked until its answer differs from what it gave before the write. One sample
 * per round (ms from the write's acknowledgement, reads it took); a round whose view never changed within
 * 5 s gives none, and the caller decides what that means.
 */
export async function freshnessSamples(o: {
  target: Target;
  key: RecordKey;
  cookie: string;
  writeUrl: string;
  read: () => Promise<Answer>;
  values: (round: number) => AdoptionInput;
  /** Pause between reads, so a poll does not compete with the write it waits for. */
  pollMs?: number;
  rounds?: number;
}): Promise<{ ms: number; reads: number }[]> {
  const samples: { ms: number; reads: number }[] = [];
  for (let round = 0; round < (o.rounds ?? 5); round++) {
    const { versions } = await o.target.check();
    const baseline = await o.read();
    if (baseline.status !== 200)
      throw new Error(
        `The view answered ${baseline.status} before the write: ${baseline.text.slice(0, 300)}`,
      );
    const write = await trpcMutation(
      o.writeUrl,
      "adoption.update",
      {
        odsCode: o.key.odsCode,
        functionalityCode: o.key.functionalityCode,
        expectedVersion: versions[keyOf(o.key)] ?? 0,
        values: o.values(round),
      },
      o.cookie,
    );
    if (write.status !== 200)
      throw new Error(`Freshness write failed: ${write.status} ${write.text.slice(0, 300)}`);
    const acknowledged = performance.now();
    let reads = 0;
    while (performance.now() - acknowledged < 5_000) {
      reads += 1;
      const now = await o.read();
      if (now.status === 200 && now.text !== baseline.text) {
        samples.push({ ms: performance.now() - acknowledged, reads });
        break;
      }
      if (o.pollMs) await new Promise((r) => setTimeout(r, o.pollMs));
    }
  }
  return samples;
}
