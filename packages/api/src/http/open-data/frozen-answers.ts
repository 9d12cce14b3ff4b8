import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipped = promisify(gzip);

/** A frozen answer's text, and its gzip made once (on the first request that accepts it). */
export interface FrozenAnswer {
  body: string;
  gzip(): Promise<Buffer>;
}

/**
 * Whole-nation snapshot answers held in memory (issue 18). Their key names the snapshot's freeze and
 * publication, so an entry can never be out of date: a published snapshot's answer is the same bytes
 * forever. Without this every request read the stored answer back from PostgreSQL (4.5 MB of CSV at
 * 2,000 trusts) and compressed it again; now it is one memory read, and the gzip is made once.
 */
export function frozenAnswers(kept = 16) {
  const answers = new Map<string, FrozenAnswer>();
  return {
    get(key: string): FrozenAnswer | undefined {
      const hit = answers.get(key);
      if (hit) {
        answers.delete(key);
        answers.set(key, hit);
      }
      return hit;
    },
    keep(key: string, body: string): FrozenAnswer {
      let zipped: Promise<Buffer> | undefined;
      const answer: FrozenAnswer = {
        body,
        gzip: () => {
          zipped ??= gzipped(Buffer.from(body, "utf8"));
          return zipped;
        },
      };
      answers.set(key, answer);
      while (answers.size > kept) answers.delete(answers.keys().next().value as string);
      return answer;
    },
  };
}

/** Whether the request accepts a gzip body (a q of 0 refuses it). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(",").some((part) => {
    const [name, ...params] = part.trim().split(";");
    if (name?.trim().toLowerCase() !== "gzip") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
