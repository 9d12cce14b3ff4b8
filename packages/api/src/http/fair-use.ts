import type { Database } from "@realise/db";
import { AppError, type FairUseKind, fairUseClient, fairUseMessage } from "@realise/domain";
import type { MiddlewareHandler } from "hono";
import type { Auth } from "../auth/auth.js";
import { requestPrincipal, sessionCookieOf } from "../auth/principal.js";
import type { FairUse } from "../security/fair-use.js";
import type { EdgeEnv } from "./env.js";

/**
 * Fair use for routes outside tRPC: downloads count against the signed-in account (by file), open data
 * against the address (the whole API). A refusal is an AppError the edge answers 429 with Retry-After.
 */
export function fairUseRoute(
  fairUse: FairUse | undefined,
  kind: FairUseKind,
  who: { database: Database; auth: Auth } | null,
): MiddlewareHandler<EdgeEnv> {
  return async (c, next) => {
    if (!fairUse) return next();
    const address = c.env?.incoming?.socket.remoteAddress;
    const view = kind === "openData" ? "api" : c.req.path;
    // A session refused this file moments ago is refused again from memory, before any lookup.
    const credential = who ? sessionCookieOf(c.req.raw.headers) : undefined;
    const wait = credential ? await fairUse.refusedFor(credential, view, kind) : null;
    if (wait !== null) throw AppError.tooMany(fairUseMessage(wait), wait);
    // A session that cannot be read is simply no account: the route itself then refuses or serves.
    const principal = who
      ? await requestPrincipal(who.database, who.auth, c.req.raw.headers).catch(() => null)
      : null;
    await fairUse.enforce(fairUseClient(principal, address), view, kind, credential);
    return next();
  };
}
