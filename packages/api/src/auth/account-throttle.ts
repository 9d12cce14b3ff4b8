import {
  blockSignIn,
  clearSignInFailures,
  countSignInFailure,
  type Database,
  failingAddressesFor,
  insertSecurityEvent,
  signInBlockedUntil,
} from "@realise/db";
import {
  ACCOUNT_UNDER_ATTACK_ADDRESSES,
  pairKey,
  SIGN_IN_THROTTLE,
  signInDelaySeconds,
} from "@realise/domain";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import type { Logger } from "pino";
import { securityEvent } from "../security/events.js";

const SIGN_IN = "/sign-in/email";
const SIGN_OUT = "/sign-out";

/** The address the edge wrote (the socket's, never one the client chose). */
const addressOf = (headers: Headers | undefined) => headers?.get("x-client-ip") || "unknown";
const emailOf = (body: unknown) => {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 200) : null;
};

/**
 * Sign-in throttling held in the database (so every instance and every restart sees the same counts), per
 * (account, address) pair with doubling delays and per address across accounts. Never per account alone:
 * the right password from an address that has not failed always works. Accounts failed from several
 * addresses are recorded as under attack for the national team's security page.
 */
export function accountThrottle(
  database: Database,
  options: { logger?: Logger | undefined; enabled: boolean },
) {
  const { db } = database;
  const { logger, enabled } = options;
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (!enabled || ctx.path !== SIGN_IN) return;
      const email = emailOf(ctx.body);
      if (!email) return;
      const address = addressOf(ctx.headers);
      const now = new Date();
      const until = await signInBlockedUntil(db, { pair: pairKey(email, address), address }, now);
      if (until) {
        const wait = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
        securityEvent(logger, "signin.throttled", { account: email, address, retryAfterSeconds: wait });
        await insertSecurityEvent(db, {
          event: "signin.throttled",
          account: email,
          address,
          detail: { retryAfterSeconds: wait },
        });
        const minutes = Math.ceil(wait / 60);
        throw new APIError(
          "TOO_MANY_REQUESTS",
          {
            message: `Too many failed sign-ins from this address; try again in ${minutes} minute${minutes === 1 ? "" : "s"}`,
          },
          { "retry-after": String(wait) },
        );
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path === SIGN_OUT) {
        securityEvent(logger, "signout", { address: addressOf(ctx.headers) });
        return;
      }
      if (ctx.path !== SIGN_IN) return;
      const email = emailOf(ctx.body);
      if (!email) return;
      const address = addressOf(ctx.headers);
      const returned = ctx.context.returned;
      if (isAPIError(returned) && returned.statusCode === 401) {
        securityEvent(logger, "signin.failure", { account: email, address });
        if (!enabled) return;
        const now = new Date();
        const pair = pairKey(email, address);
        for (const [scope, key] of [
          ["account_address", pair],
          ["address", address],
        ] as const) {
          const failures = await countSignInFailure(
            db,
            scope,
            key,
            now,
            SIGN_IN_THROTTLE[scope].forgetAfterSeconds,
          );
          const delay = signInDelaySeconds(scope, failures);
          if (delay > 0) await blockSignIn(db, scope, key, new Date(now.getTime() + delay * 1000));
        }
        const since = new Date(now.getTime() - 3600 * 1000);
        const addresses = await failingAddressesFor(db, email, since);
        if (addresses === ACCOUNT_UNDER_ATTACK_ADDRESSES) {
          securityEvent(logger, "signin.account_under_attack", { account: email, addresses });
          await insertSecurityEvent(db, {
            event: "signin.account_under_attack",
            account: email,
            address,
            detail: { addresses },
          });
        }
      } else if (!isAPIError(returned)) {
        securityEvent(logger, "signin.success", { account: email, address });
        if (enabled) await clearSignInFailures(db, pairKey(email, address));
      }
    }),
  };
}
