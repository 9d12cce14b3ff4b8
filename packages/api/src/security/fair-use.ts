import { consumeRateLimit, type Database, sweepRateLimits } from "@realise/db";
import {
  AppError,
  FAIR_USE_RULES,
  FAIR_USE_VIEW_BUDGET,
  type FairUseKind,
  type FairUseRule,
  fairUseMessage,
} from "@realise/domain";

/** Request limits counted in PostgreSQL, so every server instance holds the same limits. */
export interface FairUse {
  /** better-auth's rate-limit storage: one request against `key` in a window of `window` seconds. */
  consume(
    key: string,
    rule: { window: number; max: number },
  ): Promise<{ allowed: boolean; retryAfter: number | null }>;
  /**
   * Count one answer of `view` (a procedure's path, a route) for `client` under its kind's rule; throws
   * TOO_MANY_REQUESTS with the wait once the window is used up.
   */
  enforce(client: string, view: string, kind: FairUseKind, credential?: string): Promise<void>;
  /**
   * Seconds to wait when `credential` (the raw session cookie a refused answer came with) is refused
   * `view` right now, from memory alone; null otherwise. Lets the edge refuse a client that keeps
   * hammering before looking its session up: a refusal costs no database round trip at all.
   */
  refusedFor(credential: string, view: string, kind: FairUseKind): Promise<number | null>;
}

/**
 * How long a repeated refusal (one the client was already told to wait for) takes to answer. A client
 * that ignores Retry-After and keeps asking on a few connections would otherwise spend the server's one
 * thread on refusals as fast as it can send them, and the people beside it wait (issue 18's noisy
 * neighbour): held back this long, four hammering connections ask sixteen times a second, not thousands.
 */
export const REPEAT_REFUSAL_DELAY_MS = 250;

const pause = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined);

/** The refusal memory's name for a session refused a view (or, as ALL_VIEWS, every view). */
const ALL_VIEWS = "*";
const credentialKey = (kind: FairUseKind, view: string, credential: string) =>
  `credential:${kind}:${view}:${credential}`;

/** How often (in counted requests) windows more than a day old are swept away. */
const SWEEP_EVERY = 1_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createFairUse(
  database: Database,
  options: {
    rules?: Partial<Record<FairUseKind, FairUseRule>>;
    /** All views together, per client; FAIR_USE_VIEW_BUDGET unless given. */
    viewBudget?: FairUseRule;
    clock?: () => Date;
    /** REPEAT_REFUSAL_DELAY_MS unless given. */
    repeatRefusalDelayMs?: number;
  } = {},
): FairUse {
  const repeatDelay = options.repeatRefusalDelayMs ?? REPEAT_REFUSAL_DELAY_MS;
  const rules = { ...FAIR_USE_RULES, ...options.rules };
  const viewBudget = options.viewBudget ?? FAIR_USE_VIEW_BUDGET;
  const clock = options.clock ?? (() => new Date());
  // A refusal is remembered here until its window ends: a client that keeps hammering is refused without
  // a database round trip. Safe on many instances: the window cannot end sooner on another one.
  const refusedUntil = new Map<string, number>();
  let counted = 0;

  const count = async (key: string, windowSeconds: number, max: number) => {
    const now = clock();
    const until = refusedUntil.get(key);
    if (until !== undefined) {
      if (until > now.getTime()) {
        await pause(repeatDelay);
        return { allowed: false as const, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
      }
      refusedUntil.delete(key);
    }
    if (++counted % SWEEP_EVERY === 0) {
      // Housekeeping never fails a request.
      void sweepRateLimits(database.db, new Date(now.getTime() - DAY_MS)).catch(() => undefined);
      for (const [k, t] of refusedUntil) if (t <= now.getTime()) refusedUntil.delete(k);
    }
    const verdict = await consumeRateLimit(database.db, key, { windowSeconds, max }, now);
    if (!verdict.allowed) refusedUntil.set(key, now.getTime() + verdict.retryAfterSeconds * 1000);
    return verdict;
  };

  return {
    async consume(key, rule) {
      const verdict = await count(`auth:${key}`, rule.window, rule.max);
      return verdict.allowed
        ? { allowed: true, retryAfter: null }
        : { allowed: false, retryAfter: verdict.retryAfterSeconds };
    },
    async enforce(client, view, kind, credential) {
      const rule = rules[kind];
      // Views draw on the client's budget for all views first (a view it refuses then costs nothing
      // more); one the budget allows but its own limit refuses has still used a place in the budget.
      const budget =
        kind === "view"
          ? await count(`views:${client}`, viewBudget.windowSeconds, viewBudget.max)
          : { allowed: true as const };
      const verdict = budget.allowed
        ? await count(`${kind}:${view}:${client}`, rule.windowSeconds, rule.max)
        : budget;
      if (!verdict.allowed) {
        if (credential)
          refusedUntil.set(
            budget.allowed
              ? credentialKey(kind, view, credential)
              : credentialKey(kind, ALL_VIEWS, credential),
            clock().getTime() + verdict.retryAfterSeconds * 1000,
          );
        throw AppError.tooMany(fairUseMessage(verdict.retryAfterSeconds), verdict.retryAfterSeconds);
      }
    },
    async refusedFor(credential, view, kind) {
      const now = clock().getTime();
      let left = 0;
      for (const key of [
        credentialKey(kind, view, credential),
        ...(kind === "view" ? [credentialKey(kind, ALL_VIEWS, credential)] : []),
      ]) {
        const until = refusedUntil.get(key);
        if (until === undefined) continue;
        if (until > now) left = Math.max(left, until - now);
        else refusedUntil.delete(key);
      }
      if (left === 0) return null;
      await pause(repeatDelay);
      return Math.ceil(left / 1000);
    },
  };
}
