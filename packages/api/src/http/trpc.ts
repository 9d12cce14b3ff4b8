import type { Database } from "@realise/db";
import { AppError, type FairUseKind, fairUseMessage, isAppError } from "@realise/domain";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Context } from "hono";
import type { Auth } from "../auth/auth.js";
import { sessionCookieOf } from "../auth/principal.js";
import { createContext } from "../context.js";
import { appRouter } from "../router.js";
import type { EdgeEnv } from "./env.js";
import { classifyFailure } from "./errors.js";
import { isTrustedWrite } from "./guard.js";
import { securityEvent } from "../security/events.js";
import { withRequestVersions } from "../services/request-versions.js";
import type { FairUse } from "../security/fair-use.js";
import type { Logger } from "./logger.js";
import { methodNotAllowed } from "./static.js";

/** The most calls one batched request may carry; the client's batch link uses the same number. */
export const MAX_BATCH = 10;

/** The Fetch request handed on to tRPC and better-auth: the client address is ours, never the client's. */
export async function forwardedRequest(c: Context<EdgeEnv>): Promise<Request> {
  const headers = new Headers(c.req.raw.headers);
  headers.set("x-client-ip", c.env?.incoming?.socket.remoteAddress ?? "");
  const method = c.req.method;
  const body = method === "GET" || method === "HEAD" ? undefined : await c.req.arrayBuffer();
  return new Request(c.req.url, { method, headers, body });
}

/**
 * Refuse a call before its session is looked up when this very session cookie was refused it moments ago
 * and its window has not ended (issue 18: a client hammering an expensive view then costs next to nothing,
 * so the people beside it are not slowed). Only whole requests of limited procedures; anything else goes on
 * to the usual checks, which count it in PostgreSQL.
 */
async function refuseHammering(
  fairUse: FairUse | undefined,
  calls: readonly { path: string; procedure: unknown }[],
  headers: Headers,
): Promise<void> {
  if (!fairUse || calls.length === 0) return;
  const credential = sessionCookieOf(headers);
  if (!credential) return;
  for (const call of calls) {
    const kind = (call.procedure as { _def?: { meta?: { fairUse?: FairUseKind } } } | null)?._def?.meta
      ?.fairUse;
    if (!kind) return;
    const wait = await fairUse.refusedFor(credential, call.path, kind);
    if (wait === null) return;
    if (call === calls[calls.length - 1]) {
      const refusal = AppError.tooMany(fairUseMessage(wait), wait);
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: refusal.message, cause: refusal });
    }
  }
}

export function trpcHandler(options: {
  database: Database;
  auth: Auth;
  trustedOrigins: string[];
  logger: Logger;
  /** The public origin: links in the emails a call causes point here. */
  origin: string;
  /** Limits on expensive procedures; absent, none are limited. */
  fairUse?: FairUse | undefined;
}) {
  return async (c: Context<EdgeEnv>): Promise<Response> => {
    const method = c.req.method;
    if (method !== "GET" && method !== "POST" && method !== "HEAD") return methodNotAllowed(c, "GET, POST");
    // Counted before anything runs, the session lookup included: a batch over the cap costs nothing.
    const calls = c.req.path.slice("/trpc/".length).split(",").length;
    if (calls > MAX_BATCH) {
      return c.json(
        { error: { message: `A batch may hold at most ${MAX_BATCH} calls; this one has ${calls}` } },
        400,
      );
    }
    if (method === "POST" && !isTrustedWrite(c.req.raw.headers, options.trustedOrigins)) {
      securityEvent(options.logger, "csrf.refused", {
        requestId: c.get("requestId"),
        address: c.env?.incoming?.socket.remoteAddress,
        origin: (c.req.header("origin") ?? "").slice(0, 200) || null,
      });
      return c.json({ error: { message: "Cross-site request refused: Origin is not trusted" } }, 403);
    }
    const request = await forwardedRequest(c);
    const requestId = c.get("requestId");
    const handle = () =>
      fetchRequestHandler({
        endpoint: "/trpc",
        req: request,
        router: appRouter,
        maxBatchSize: MAX_BATCH,
        createContext: async ({ info }) => {
          await refuseHammering(options.fairUse, info.calls, request.headers);
          const context = await createContext(
            options.database,
            options.auth,
            request.headers,
            requestId,
            options.origin,
            options.fairUse,
          );
          if (context.principal) c.set("userId", context.principal.userId);
          return { ...context, logger: options.logger };
        },
        // A fair-use refusal says when to come back, as HTTP says it.
        responseMeta: ({ errors }) => {
          const wait = errors
            .map((e) => (isAppError(e.cause) ? e.cause.retryAfterSeconds : undefined))
            .find((s) => s !== undefined);
          return wait === undefined ? {} : { headers: new Headers({ "retry-after": String(wait) }) };
        },
        onError: ({ error, path, ctx }) => {
          if (error.code === "FORBIDDEN")
            securityEvent(options.logger, "access.denied", {
              requestId,
              procedure: path,
              userId: ctx?.principal?.userId ?? null,
              address: c.env?.incoming?.socket.remoteAddress,
            });
          // The formatter (trpc.ts) already chose the answer from the same mapping; only bugs are logged.
          if (error.code === "INTERNAL_SERVER_ERROR" && classifyFailure(error.cause).kind === "bug")
            options.logger.error(
              { err: error.cause ?? error, requestId, procedure: path },
              "procedure failed",
            );
        },
      });
    // A GET carries queries only: its versions are read together, once (request-versions.ts).
    const response = await (method === "GET" ? withRequestVersions(options.database.db, handle) : handle());
    if (response.status === 405) {
      const answer = new Response(response.body, response);
      answer.headers.set("allow", "GET, POST");
      return answer;
    }
    return response;
  };
}
