import { isAppError } from "@realise/domain";
import type { Context, ErrorHandler, MiddlewareHandler } from "hono";
import type { z } from "zod";
import { toCsv } from "../../lib/csv.js";

/** Published snapshots and framework versions never change, so they may be cached for longer. */
export const CACHE_IMMUTABLE = "public, max-age=3600";
/** The registry and the list of snapshots change when the national team acts. */
export const CACHE_FRESH = "public, max-age=60";
export const CACHE_DOCUMENT = "public, max-age=300";

const JSON_TYPE = "application/json; charset=utf-8";

/** Headers for a successful JSON answer; the route's `c.json` sends the body. */
export const jsonHeaders = (cache: string) => ({ "content-type": JSON_TYPE, "cache-control": cache });

/** A CSV answer with the columns given (taken from a row schema), as a download. */
export function csvAnswer(
  c: Context,
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  filename: string,
  cache: string,
) {
  return csvText(c, toCsv(rows, columns), filename, cache);
}

/** CSV already written, as a download. */
export function csvText(c: Context, text: string, filename: string, cache: string) {
  return c.body(text, 200, {
    "content-type": "text/csv; charset=utf-8",
    "cache-control": cache,
    "content-disposition": `attachment; filename="${filename}.csv"`,
  });
}

function errorAnswer(c: Context, status: 400 | 404 | 405, message: string, extra: object = {}) {
  return c.json({ error: { message, ...extra } }, status, {
    "content-type": JSON_TYPE,
    "cache-control": "no-store",
  });
}

/** A 400 naming each parameter that was wrong: `{ error: { message, fieldErrors } }`. */
export function badRequest(c: Context, issues: readonly { path: PropertyKey[]; message: string }[]) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "(request)";
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  const message = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
    .join("; ");
  return errorAnswer(c, 400, message, { fieldErrors });
}

/** The validators' answer to a parameter that fails its schema. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError },
  c: Context,
): Response | undefined {
  if (!result.success) return badRequest(c, result.error.issues);
  return undefined;
}

/** AppError to HTTP status, in one place for the open data; anything else is the server's to handle. */
export const onAppError: ErrorHandler = (error, c) => {
  if (isAppError(error)) {
    if (error.code === "NOT_FOUND") return errorAnswer(c, 404, error.message);
    if (error.code === "BAD_REQUEST") return badRequest(c, error.issues);
  }
  throw error;
};

export const notFound = (c: Context) =>
  errorAnswer(c, 404, `No open-data route ${c.req.path}; see /api/v1/openapi.json`);

/** Open data is read-only: every other method is a 405 naming the ones it takes. */
export const readOnly: MiddlewareHandler = async (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  c.header("allow", "GET, HEAD");
  return errorAnswer(c, 405, "The open-data API is read-only: use GET");
};

/** Anyone may read open data from any site. */
export const openToAll: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set("access-control-allow-origin", "*");
};

/**
 * An empty parameter means "no filter" (forms send `?region=`) and a repeated one counts once, as
 * `URLSearchParams.get` read them before the validators did; so the query is normalised before they see it.
 */
export const normaliseQuery: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  if (url.search !== "") {
    const kept = new URLSearchParams();
    for (const [name, value] of url.searchParams) {
      if (value !== "" && !kept.has(name)) kept.set(name, value);
    }
    if (kept.toString() !== url.searchParams.toString()) {
      url.search = kept.toString();
      c.req.raw = new Request(url, c.req.raw);
    }
  }
  return next();
};
