import type { Database } from "@realise/db";
import { type AppErrorCode, isAppError } from "@realise/domain";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { etag } from "hono/etag";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import type { Auth } from "../auth/auth.js";
import type { EdgeEnv } from "./env.js";
import { keptCompression } from "./compression.js";
import { classifyFailure } from "./errors.js";
import { rejectMalformed } from "./guard.js";
import { securityHeaders } from "./headers.js";
import { accessLog, type Logger, requestIdScope } from "./logger.js";
import { createFhirApp } from "./fhir/index.js";
import { createOAuthApp } from "./fhir/oauth.js";
import { createOpenDataApp } from "./open-data/index.js";
import { createReportsApp } from "./reports/index.js";
import { createExportsApp } from "./exports/index.js";
import { methodNotAllowed, singlePageApp } from "./static.js";
import { forwardedRequest, trpcHandler } from "./trpc.js";
import { fairUseRoute } from "./fair-use.js";
import type { FairUse } from "../security/fair-use.js";

export interface AppOptions {
  database: Database;
  auth: Auth;
  /** Public origin, e.g. http://localhost:3000. */
  origin: string;
  /** Origins allowed to send state-changing requests with a session cookie. */
  trustedOrigins: string[];
  webDist: string;
  adminDist: string;
  logger: Logger;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Open data withholds the breakdown of groups with fewer trusts than this. */
  suppressBelow?: number | undefined;
  /** Limits on expensive views, downloads and open data, counted in the database; absent, none. */
  fairUse?: FairUse | undefined;
}

/**
 * The better-auth endpoints the apps use, by method; every other one (verify-password, update-user,
 * change-email, change-password, forget/reset-password, sign-up…) answers 404. Invitations, password
 * resets and password changes are tRPC procedures with our own checks and audit.
 */
export const AUTH_ENDPOINTS: Record<string, "GET" | "POST"> = {
  "/api/auth/sign-in/email": "POST",
  "/api/auth/sign-out": "POST",
  "/api/auth/get-session": "GET",
};

/** An incoming X-Request-Id is kept only when it is short and plain, so it is safe to log and echo. */
const REQUEST_ID = { limitLength: 64 };

/** The first middleware of every app the server runs, the "starting" one included. */
export function edge(app: Hono<EdgeEnv>, secure: boolean, logger: Logger): Hono<EdgeEnv> {
  app.use(securityHeaders(secure), requestId(REQUEST_ID), requestIdScope(), accessLog(logger));
  app.onError((error, c) => failureAnswer(c, error, logger));
  app.notFound((c) => c.json({ error: { message: "Not found" } }, 404));
  return app;
}

/** A domain error outside tRPC (open data) answers with the status its code names. */
const APP_ERROR_STATUS: Record<AppErrorCode, 400 | 401 | 403 | 404 | 409 | 412 | 429 | 503> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
};

/** What answers while the server listens but is not ready yet: a 503 with the usual headers, never silence. */
export function createStartingApp(database: Database, secure: boolean, logger: Logger): Hono<EdgeEnv> {
  const starting = edge(new Hono<EdgeEnv>(), secure, logger);
  starting.all("*", (c) => {
    c.header("retry-after", "1");
    return c.json({ status: "starting", database: database.engine }, 503);
  });
  return starting;
}

/** The one error boundary: every failure a route throws ends here. */
export function failureAnswer(c: Context<EdgeEnv>, error: unknown, logger: Logger) {
  if (error instanceof HTTPException) return error.getResponse();
  if (isAppError(error)) {
    if (error.retryAfterSeconds !== undefined) c.header("retry-after", String(error.retryAfterSeconds));
    return c.json({ error: { message: error.message } }, APP_ERROR_STATUS[error.code]);
  }
  const failure = classifyFailure(error, c.get("requestId"));
  if (failure.kind === "bug") logger.error({ err: error, requestId: c.get("requestId") }, "request failed");
  if (failure.status === 503) c.header("retry-after", "1");
  return c.json({ error: { message: failure.message } }, failure.status);
}

async function databaseAnswers(database: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      database.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), 2_000);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const JSON_OR_CSV = /^\s*(application\/json|text\/csv)/i;

/** The one HTTP app: health, auth, tRPC, open data and the two apps. */
export function createApp(options: AppOptions): Hono<EdgeEnv> {
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const secure = options.origin.startsWith("https:");
  const { database, logger } = options;
  const app = edge(new Hono<EdgeEnv>(), secure, logger);
  app.use(rejectMalformed());

  const health = (path: string, answer: (c: Context<EdgeEnv>) => Promise<Response> | Response) =>
    app.all(path, (c) =>
      c.req.method === "GET" || c.req.method === "HEAD" ? answer(c) : methodNotAllowed(c, "GET, HEAD"),
    );
  health("/healthz", (c) => c.json({ status: "ok", database: database.engine }));
  health("/readyz", async (c) =>
    (await databaseAnswers(database))
      ? c.json({ status: "ready", database: database.engine })
      : c.json({ status: "unavailable", database: database.engine }, 503),
  );

  const limit = bodyLimit({
    maxSize: maxBody,
    onError: (c) => {
      c.header("connection", "close");
      return c.json({ error: { message: `Request body larger than ${maxBody} bytes` } }, 413);
    },
  });
  // JSON and CSV answers are compressed; static files are sent as their precompressed twins instead. The
  // views and open data send the same answers again and again, so their compressed bytes are kept.
  const compressed = compress({ contentTypeFilter: JSON_OR_CSV });
  const keptCompressed = keptCompression({ contentType: JSON_OR_CSV });

  app.use("/api/auth/*", limit, compressed);
  app.all("/api/auth/*", async (c) => {
    const allowed = AUTH_ENDPOINTS[c.req.path];
    if (!allowed) return c.json({ error: { message: "Not found" } }, 404);
    if (c.req.method !== allowed && !(allowed === "GET" && c.req.method === "HEAD"))
      return methodNotAllowed(c, allowed);
    const answer = await options.auth.handler(await forwardedRequest(c));
    // better-auth answers 500 when its queries fail; when that is the database being away, say so.
    if (answer.status >= 500) {
      if (!(await databaseAnswers(database))) {
        c.header("retry-after", "1");
        return c.json({ error: { message: "The database is not answering; try again shortly" } }, 503);
      }
      logger.error({ requestId: c.get("requestId"), status: answer.status }, "auth handler failed");
    }
    return answer;
  });

  const trpc = trpcHandler(options);
  app.use("/trpc/*", limit, keptCompressed);
  app.use("/trpc", limit);
  app.all("/trpc/*", trpc);
  app.all("/trpc", trpc);

  // Open data: the Hono sub-app whose zod schemas also generate its OpenAPI document.
  const openDataLimit = fairUseRoute(options.fairUse, "openData", null);
  app.use("/api/v1/*", openDataLimit, keptCompressed);
  app.use("/api/v1", openDataLimit, keptCompressed);
  app.route(
    "/api/v1",
    createOpenDataApp({
      database,
      origin: options.origin,
      ...(options.suppressBelow ? { suppressBelow: options.suppressBelow } : {}),
    }),
  );

  const signedIn = { database, auth: options.auth };
  app.use("/reports/*", fairUseRoute(options.fairUse, "download", signedIn));
  app.route(
    "/reports",
    createReportsApp({ database, auth: options.auth, suppressBelow: options.suppressBelow }),
  );

  app.use("/exports/*", fairUseRoute(options.fairUse, "download", signedIn), compressed);
  app.route("/exports", createExportsApp({ database, auth: options.auth }));

  // FHIR R4 (Measures, MeasureReports from a trust's own systems) and the token endpoint those systems use.
  app.use("/fhir/*", limit);
  app.use("/fhir", limit);
  app.use("/oauth/*", limit);
  app.route("/fhir", createFhirApp({ database, origin: options.origin }));
  app.route("/oauth", createOAuthApp(database, options.logger));

  // Anything else under /api is an unknown API route, never an app page.
  app.all("/api/*", (c) => c.json({ error: { message: "Not found" } }, 404));
  app.all("/api", (c) => c.json({ error: { message: "Not found" } }, 404));

  app.all("/admin", (c) => {
    const search = new URL(c.req.url).search;
    return c.redirect(`/admin/${search}`, 308);
  });
  app.use("/admin/*", etag());
  app.all("/admin/*", singlePageApp(options.adminDist, "/admin/"));
  app.use("*", etag());
  app.all("*", singlePageApp(options.webDist, "/"));
  return app;
}
