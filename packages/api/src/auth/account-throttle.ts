import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";

export interface AccountThrottleOptions {
  /** Failed sign-ins allowed per account in a window before the account is refused for the rest of it. */
  maxFailures?: number;
  windowSeconds?: number;
}

const SIGN_IN = "/sign-in/email";

/**
 * Sign-in throttling per account, beside better-auth's per-address limit: guessing one account's password
 * from many addresses is refused too. Counts live in memory, per instance (with N instances an attacker
 * gets N × maxFailures guesses per window, still bounded). A successful sign-in clears the count.
 */
export function accountThrottle(options: AccountThrottleOptions = {}) {
  const max = options.maxFailures ?? 5;
  const windowMs = (options.windowSeconds ?? 15 * 60) * 1000;
  const failures = new Map<string, { count: number; resetAt: number }>();

  const keyOf = (body: unknown) => {
    const email = (body as { email?: unknown } | undefined)?.email;
    return typeof email === "string" ? email.trim().toLowerCase() : null;
  };
  const prune = (now: number) => {
    if (failures.size < 10_000) return;
    for (const [key, entry] of failures) if (entry.resetAt <= now) failures.delete(key);
  };

  return {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== SIGN_IN) return;
      const key = keyOf(ctx.body);
      if (!key) return;
      const entry = failures.get(key);
      const now = Date.now();
      if (entry && entry.resetAt > now && entry.count >= max) {
        const wait = Math.ceil((entry.resetAt - now) / 1000);
        throw new APIError(
          "TOO_MANY_REQUESTS",
          {
            message: `Too many failed sign-ins for this account; try again in ${Math.ceil(wait / 60)} minutes`,
          },
          { "retry-after": String(wait) },
        );
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== SIGN_IN) return;
      const key = keyOf(ctx.body);
      if (!key) return;
      const returned = ctx.context.returned;
      const now = Date.now();
      if (isAPIError(returned) && returned.statusCode === 401) {
        prune(now);
        const entry = failures.get(key);
        if (!entry || entry.resetAt <= now) failures.set(key, { count: 1, resetAt: now + windowMs });
        else entry.count += 1;
      } else if (!isAPIError(returned)) {
        failures.delete(key);
      }
    }),
  };
}
