import type { AutocannonRequest } from "autocannon";
import { signIn } from "./http.js";
import { type LoadResult, runLoad } from "./load.js";
import { round, summarise } from "./stats.js";

/** The noisy-neighbour phase: one trust's dashboard, alone and then beside a client hammering the costly routes. */
export interface FairUseResult {
  /**
   * Where the instance with fair use on ran: its own `node packages/api/dist/main.js` process on the
   * same PostgreSQL database, or (PGlite, which one process owns) a second server inside the bench's
   * server process on the same open database.
   */
  instance: "process" | "in-process";
  /** The victim's read, always the trust dashboard of the dashboard trust's editor, on one connection. */
  victim: string;
  /** What the noisy client (the national analyst) asks for, each of its connections in turn. */
  noisyRoutes: string[];
  noisyConnections: number;
  /** Length of each victim run (alone, then during the noise). */
  seconds: number;
  victimRequestsBefore: number;
  victimRequestsDuring: number;
  victimP95BeforeMs: number;
  victimP95DuringMs: number;
  /** victimP95DuringMs / victimP95BeforeMs (target ≤ 2). */
  victimP95Ratio: number;
  /** Answers the noisy client got while the victim was measured. */
  noisyRequests: number;
  /** Of them, refused by fair use (429). */
  noisyRejected: number;
  /** Per route: answers and 429s. */
  noisyByRoute: { route: string; requests: number; rejected: number }[];
  /** Noisy answers that were neither 200 nor 429, and socket errors: failures, not refusals. */
  noisyErrors: number;
  /** True when there were 429s and every one carried a Retry-After header (false when none came). */
  retryAfterSeen: boolean;
  /** The victim's answers other than 200 (a 429 among them), and its socket errors: must be 0. */
  victimErrors: number;
}

export interface FairUseOptions {
  /** The instance with fair use on. */
  url: string;
  instance: FairUseResult["instance"];
  victim: { name: string; path: string; email: string; password: string };
  noisy: { email: string; password: string; routes: { name: string; path: string }[] };
  connections: number;
  durationS: number;
}

const failures = (r: LoadResult) =>
  Object.entries(r.statuses)
    .filter(([status]) => status !== "200")
    .reduce((n, [, count]) => n + count, r.errors);

/**
 * Fair use exists so one client cannot slow everyone else down (issue 18). This signs a victim and a
 * noisy client in on an instance that enforces it, measures the victim's dashboard alone, then again
 * while the noisy client sends the most expensive routes round-robin over several connections as fast as
 * they are answered. The noise is not warmed up: its windows start empty, so the allowed burst (60 views,
 * 20 downloads a minute…) is computed for real before the refusals start, as it would be in production.
 */
export async function measureFairUse(o: FairUseOptions): Promise<FairUseResult> {
  const victimCookie = await signIn(o.url, o.victim.email, o.victim.password);
  const noisyCookie = await signIn(o.url, o.noisy.email, o.noisy.password);
  const victimRequest: AutocannonRequest = {
    method: "GET",
    path: o.victim.path,
    headers: { cookie: victimCookie },
  };
  const victim = { url: o.url, connections: 1, request: victimRequest };

  // The victim's path is warmed (this instance is fresh); its own reads are never limited.
  const warm = await runLoad({ ...victim, requests: 50 });
  const before = await runLoad({ ...victim, durationS: o.durationS });

  const byRoute = o.noisy.routes.map((r) => ({ route: r.name, requests: 0, rejected: 0 }));
  let withoutRetryAfter = 0;
  let noisyFailed = 0;
  const noisyRequests: AutocannonRequest[] = o.noisy.routes.map((r, i) => ({
    method: "GET",
    path: r.path,
    headers: { cookie: noisyCookie },
    onResponse: (status, _body, _context, headers) => {
      const counts = byRoute[i]!;
      counts.requests += 1;
      if (status === 429) {
        counts.rejected += 1;
        const retryAfter = Object.entries(headers).find(([name]) => name.toLowerCase() === "retry-after");
        // Retry-After as delay-seconds (RFC 9110 §10.2.3), the form the server sends.
        if (!retryAfter || !/^\d+$/.test(String(retryAfter[1]))) withoutRetryAfter += 1;
      } else if (status !== 200) noisyFailed += 1;
    },
  }));
  // The noise runs for exactly as long as the victim's second run: started together, stopped when it ends.
  const stop = new AbortController();
  const noise = runLoad({
    url: o.url,
    connections: o.connections,
    durationS: o.durationS * 10,
    request: noisyRequests,
    signal: stop.signal,
  });
  let during: LoadResult;
  try {
    during = await runLoad({ ...victim, durationS: o.durationS });
  } finally {
    stop.abort();
  }
  const noisy = await noise;

  const alone = summarise(before.latencies);
  const beside = summarise(during.latencies);
  const rejected = byRoute.reduce((n, r) => n + r.rejected, 0);
  return {
    instance: o.instance,
    victim: o.victim.name,
    noisyRoutes: o.noisy.routes.map((r) => r.name),
    noisyConnections: o.connections,
    seconds: o.durationS,
    victimRequestsBefore: alone.count,
    victimRequestsDuring: beside.count,
    victimP95BeforeMs: alone.p95Ms,
    victimP95DuringMs: beside.p95Ms,
    victimP95Ratio: alone.p95Ms > 0 ? round(beside.p95Ms / alone.p95Ms) : 0,
    noisyRequests: byRoute.reduce((n, r) => n + r.requests, 0),
    noisyRejected: rejected,
    noisyByRoute: byRoute,
    noisyErrors: noisyFailed + noisy.errors,
    retryAfterSeen: rejected > 0 && withoutRetryAfter === 0,
    victimErrors: failures(warm) + failures(before) + failures(during),
  };
}
