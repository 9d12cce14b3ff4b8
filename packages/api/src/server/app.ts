import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@realise/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Auth } from "../auth/auth.js";
import { createContext } from "../context.js";
import { appRouter } from "../router.js";
import { readBody, sendFetchResponse, toFetchRequest } from "./fetch-bridge.js";
import { applySecurityHeaders } from "./headers.js";
import { spaHandler } from "./static.js";

export interface AppOptions {
  database: Database;
  auth: Auth;
  /** Public origin, e.g. http://localhost:3000. */
  origin: string;
  /** Origins allowed to send state-changing requests with a session cookie. */
  trustedOrigins: string[];
  webDist: string;
  adminDist: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Extra routes (open data) tried before the apps. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

/**
 * A state-changing request that carries a session cookie must come from one of our own pages:
 * its Origin (or, failing that, Referer) must be trusted. This is the CSRF defence for /trpc.
 */
export function isTrustedWrite(headers: Headers, trustedOrigins: string[]): boolean {
  if (!headers.get("cookie")) return true;
  const origin =
    headers.get("origin") ?? (headers.get("referer") ? new URL(headers.get("referer")!).origin : null);
  return origin !== null && trustedOrigins.includes(origin);
}

/** Whether an error means the database is unreachable, so the answer is 503, not 500. */
export function isDatabaseDown(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    const message = String((e as { message?: unknown }).message ?? "");
    if (
      code === "ECONNREFUSED" ||
      code === "ECONNRESET" ||
      code === "57P01" ||
      code === "57P03" ||
      /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        message,
      )
    ) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

async function databaseAnswers(database: Database): Promise<boolean> {
  try {
    await Promise.race([
      database.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** The one HTTP handler: health, auth, tRPC, open data and the two apps. */
export function createRequestListener(options: AppOptions) {
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const web = spaHandler(options.webDist, "/");
  const admin = spaHandler(options.adminDist, "/admin/");
  const secure = options.origin.startsWith("https:");

  return async (req: IncomingMessage, res: ServerResponse) => {
    applySecurityHeaders(res, secure);
    const url = new URL(req.url ?? "/", options.origin);
    const path = url.pathname;
    try {
      if (path === "/healthz") return json(res, 200, { status: "ok", database: options.database.engine });
      if (path === "/readyz") {
        return (await databaseAnswers(options.database))
          ? json(res, 200, { status: "ready", database: options.database.engine })
          : json(res, 503, { status: "unavailable", database: options.database.engine });
      }
      if (path.startsWith("/api/auth/") || path.startsWith("/trpc/") || path === "/trpc") {
        const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req, maxBody);
        if (body === "too_large") {
          res.setHeader("connection", "close");
          return json(res, 413, { error: { message: `Request body larger than ${maxBody} bytes` } });
        }
        const request = await toFetchRequest(req, options.origin, body);
        if (path.startsWith("/api/auth/")) {
          const answer = await options.auth.handler(request);
          // better-auth answers 500 when its queries fail; when that is the database being away, say so.
          if (answer.status >= 500 && !(await databaseAnswers(options.database)))
            return json(res, 503, { error: { message: "The database is not answering; try again shortly" } });
          return sendFetchResponse(res, answer);
        }
        if (req.method !== "GET" && !isTrustedWrite(request.headers, options.trustedOrigins)) {
          return json(res, 403, { error: { message: "Cross-site request refused: Origin is not trusted" } });
        }
        let databaseDown = false;
        const response = await fetchRequestHandler({
          endpoint: "/trpc",
          req: request,
          router: appRouter,
          createContext: () => createContext(options.database, options.auth, request.headers),
          onError: ({ error }) => {
            if (isDatabaseDown(error)) databaseDown = true;
            else if (error.code === "INTERNAL_SERVER_ERROR") console.error(error);
          },
        });
        if (databaseDown)
          return json(res, 503, { error: { message: "The database is not answering; try again shortly" } });
        return sendFetchResponse(res, response);
      }
      if (options.extraRoutes && (await options.extraRoutes(req, res, url))) return;
      if (path === "/admin") {
        res.statusCode = 308;
        res.setHeader("location", `/admin/${url.search}`);
        return void res.end();
      }
      if (path.startsWith("/admin/")) return admin(req, res, path);
      return web(req, res, path);
    } catch (error) {
      if (isDatabaseDown(error))
        return json(res, 503, { error: { message: "The database is not answering" } });
      console.error(error);
      if (!res.headersSent) json(res, 500, { error: { message: "Internal error" } });
      else res.end();
    }
  };
}
