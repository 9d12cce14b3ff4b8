import type { MiddlewareHandler } from "hono";
import type { EdgeEnv } from "./env.js";

/**
 * Security headers on every response. Styles may be inline (the chart library sets element styles);
 * scripts may not. Fonts may come from the NHS.UK font host, so the service shows in Frutiger as the
 * design system intends.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data: https://assets.nhs.uk",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; "),
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

const HSTS = "max-age=31536000; includeSubDomains";

/** Whether a request carries a better-auth session cookie (its name ends in session_token). */
export function hasSessionCookie(cookie: string | undefined | null): boolean {
  return Boolean(cookie && /(?:^|;)\s*[^=;]*session_token=/.test(cookie));
}

/**
 * The headers every answer gets: security headers, the request id, and `no-store` on anything personal
 * (a request with a session cookie, and every /trpc and /api/auth answer) so no cache keeps it.
 */
export function edgeHeaders(options: {
  secure: boolean;
  requestId: string | undefined;
  path: string;
  cookie: string | undefined | null;
}): Record<string, string> {
  const headers: Record<string, string> = { ...SECURITY_HEADERS };
  if (options.secure) headers["strict-transport-security"] = HSTS;
  if (options.requestId) headers["x-request-id"] = options.requestId;
  if (
    hasSessionCookie(options.cookie) ||
    options.path === "/trpc" ||
    options.path.startsWith("/trpc/") ||
    options.path.startsWith("/api/auth/")
  ) {
    headers["cache-control"] = "no-store";
  }
  return headers;
}

/** Put the edge headers on whatever answer the rest of the app produced, errors and 404s included. */
export function securityHeaders(secure: boolean): MiddlewareHandler<EdgeEnv> {
  return async (c, next) => {
    await next();
    // An answer written straight to Node's response (the open-data bridge) got its headers there.
    if (c.get("alreadySent")) return;
    const headers = edgeHeaders({
      secure,
      requestId: c.get("requestId"),
      path: c.req.path,
      cookie: c.req.header("cookie"),
    });
    try {
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    } catch {
      // Some answers (from fetch handlers) have immutable headers: copy them once.
      c.res = new Response(c.res.body, c.res);
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    }
  };
}
