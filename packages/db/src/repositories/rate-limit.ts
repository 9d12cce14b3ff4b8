import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

export interface RateLimitRule {
  /** Length of a window, in seconds. */
  windowSeconds: number;
  /** Requests allowed in one window. */
  max: number;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Count one request against `key` in a fixed window, in one statement: a window that has ended starts
 * again at this request, and a full window is left as it is (a refused request is not counted, so a
 * client that keeps asking is let in again when its window ends). Only a refusal reads the window back,
 * to say how long to wait.
 */
export async function consumeRateLimit(
  db: Kysely<DB>,
  key: string,
  rule: RateLimitRule,
  now: Date,
): Promise<RateLimitVerdict> {
  const ended = new Date(now.getTime() - rule.windowSeconds * 1000);
  const counted = await db
    .insertInto("rate_limit")
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc
        .column("key")
        .doUpdateSet({
          hits: sql<number>`case when rate_limit.window_start <= ${ended} then 1 else rate_limit.hits + 1 end`,
          window_start: sql<Date>`case when rate_limit.window_start <= ${ended} then ${now} else rate_limit.window_start end`,
        })
        .where((w) => w.or([w("rate_limit.window_start", "<=", ended), w("rate_limit.hits", "<", rule.max)])),
    )
    .returning("hits")
    .executeTakeFirst();
  if (counted) return { allowed: true };
  const window = await db
    .selectFrom("rate_limit")
    .select("window_start")
    .where("key", "=", key)
    .executeTakeFirst();
  const endsAt =
    (window ? new Date(window.window_start).getTime() : now.getTime()) + rule.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

/** Forget windows that started before `before` (they can no longer refuse anything). */
export async function sweepRateLimits(db: Kysely<DB>, before: Date): Promise<number> {
  const result = await db.deleteFrom("rate_limit").where("window_start", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
