import type { MiddlewareHandler } from "hono";
import type { EdgeEnv } from "./env.js";

/** Control characters (C0, DEL) never belong in a decoded path, query or header value we read. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A raw request target is printable ASCII; anything else was not percent-encoded. */
const RAW_TARGET = /^[\u0021-\u007e]*$/;

function decodes(component: string): boolean {
  if (!component.includes("%")) return !CONTROL.test(component);
  try {
    return !CONTROL.test(decodeURIComponent(component));
  } catch {
    return false;
  }
}

/**
 * Why a request target cannot be read, or null when it can: every percent-encoding must be complete and
 * decode to valid UTF-8 without control characters, in each path segment and each query name and value.
 */
export function malformedTarget(target: string): string | null {
  return malformedTargetField(target)?.message ?? null;
}

/** As `malformedTarget`, naming the query parameter when the problem is in one's value. */
export function malformedTargetField(target: string): { message: string; field?: string } | null {
  if (!RAW_TARGET.test(target))
    return { message: "The request path contains characters that are not URL-encoded" };
  const hash = target.indexOf("#");
  const withoutHash = hash === -1 ? target : target.slice(0, hash);
  const q = withoutHash.indexOf("?");
  const path = q === -1 ? withoutHash : withoutHash.slice(0, q);
  const query = q === -1 ? "" : withoutHash.slice(q + 1);
  if (!path.split("/").every(decodes))
    return { message: "The request path has a malformed percent-encoding" };
  for (const pair of query.split("&")) {
    const [name = "", ...value] = pair.replaceAll("+", " ").split("=");
    if (!decodes(name)) return { message: "The query string has a malformed percent-encoding" };
    if (!value.every(decodes)) {
      const field = decodeURIComponent(name);
      return {
        message: `${field}: the value has a malformed percent-encoding or a control character`,
        field,
      };
    }
  }
  return null;
}

/** Why a header we rely on cannot be read, or null. */
export function malformedHeaders(headers: Headers): string | null {
  const referer = headers.get("referer");
  if (referer !== null && !URL.canParse(referer)) return "The Referer header is not a URL";
  const origin = headers.get("origin");
  // Browsers send the literal "null" for opaque origins; anything else must be a URL.
  if (origin !== null && origin !== "null" && !URL.canParse(origin)) return "The Origin header is not a URL";
  const cookie = headers.get("cookie");
  if (cookie !== null) {
    for (const pair of cookie.split(";")) {
      const value = pair.slice(pair.indexOf("=") + 1).trim();
      if (!decodes(value)) return "The Cookie header has a malformed value";
    }
  }
  return null;
}

/**
 * Refuse, with a plain 400, a request whose target or headers cannot be read, before any route sees it:
 * the raw target Node received is checked, since the Fetch URL built from it is already normalised.
 */
export function rejectMalformed(): MiddlewareHandler<EdgeEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const target = c.env?.incoming?.url ?? url.pathname + url.search;
    const inTarget = malformedTargetField(target);
    if (inTarget) {
      // The same shape as a validator's refusal: each field with its messages.
      const error = inTarget.field
        ? {
            message: inTarget.message,
            fieldErrors: { [inTarget.field]: [inTarget.message.slice(inTarget.field.length + 2)] },
          }
        : { message: inTarget.message };
      return c.json({ error }, 400);
    }
    const problem = malformedHeaders(c.req.raw.headers);
    if (problem) return c.json({ error: { message: problem } }, 400);
    await next();
  };
}

/**
 * A state-changing request that carries a session cookie must come from one of our own pages:
 * its Origin (or, failing that, Referer) must be trusted. This is the CSRF defence for /trpc.
 */
export function isTrustedWrite(headers: Headers, trustedOrigins: string[]): boolean {
  if (!headers.get("cookie")) return true;
  const referer = headers.get("referer");
  const origin = headers.get("origin") ?? (referer && URL.canParse(referer) ? new URL(referer).origin : null);
  return origin !== null && trustedOrigins.includes(origin);
}
