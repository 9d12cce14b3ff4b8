import type { Database } from "@realise/db";
import { type Context, Hono } from "hono";
import type { Logger } from "pino";
import { securityEvent } from "../../security/events.js";
import { issueSystemToken, MEASURE_REPORT_SCOPE } from "../../services/system-clients/index.js";

type OAuthError = "invalid_request" | "invalid_client" | "unsupported_grant_type" | "invalid_scope";

/** RFC 6749 §5.2: an error answer, never cached; a client that failed to authenticate gets 401. */
function oauthError(c: Context, error: OAuthError, description: string) {
  const status = error === "invalid_client" ? 401 : 400;
  if (status === 401) c.header("www-authenticate", 'Basic realm="Realise", charset="UTF-8"');
  c.header("cache-control", "no-store");
  c.header("pragma", "no-cache");
  return c.json({ error, error_description: description }, status);
}

/** `client_secret_basic`: both halves are form-encoded before they are joined (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  try {
    const formDecode = (s: string) => decodeURIComponent(s.replaceAll("+", " "));
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

/** The token endpoint, mounted at /oauth: client credentials for a trust's system clients. */
export function createOAuthApp(database: Database, logger?: Logger): Hono {
  const app = new Hono();
  app.post("/token", async (c) => {
    if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header("content-type") ?? "")) {
      return oauthError(c, "invalid_request", "Send the request as application/x-www-form-urlencoded");
    }
    const form = new URLSearchParams(await c.req.text());
    const grant = form.get("grant_type");
    if (!grant) return oauthError(c, "invalid_request", "grant_type is required");
    if (grant !== "client_credentials") {
      return oauthError(c, "unsupported_grant_type", "Only grant_type=client_credentials is supported");
    }
    const scope = form.get("scope");
    if (scope?.split(" ").some((s) => s !== "" && s !== MEASURE_REPORT_SCOPE)) {
      return oauthError(c, "invalid_scope", `The only scope is ${MEASURE_REPORT_SCOPE}`);
    }
    if (form.has("client_secret")) {
      return oauthError(
        c,
        "invalid_request",
        "Send the client credentials in the Authorization header (Basic)",
      );
    }
    const credentials = basicCredentials(c.req.header("authorization"));
    if (!credentials) {
      return oauthError(c, "invalid_client", "Authenticate with HTTP Basic: the client id and secret");
    }
    const answer = await issueSystemToken(database.db, credentials.id, credentials.secret);
    // The client id a caller gave is logged either way (never the secret): refusals show a guessing client.
    const address = (c.env as { incoming?: { socket: { remoteAddress?: string } } } | undefined)?.incoming
      ?.socket.remoteAddress;
    if (answer.ok)
      securityEvent(logger, "system_client.token_issued", {
        clientId: credentials.id.slice(0, 100),
        address,
      });
    else
      securityEvent(logger, "system_client.token_refused", {
        clientId: credentials.id.slice(0, 100),
        address,
        reason: answer.paused ? "paused" : "unknown client, wrong secret or revoked",
      });
    if (!answer.ok && answer.paused) {
      return oauthError(
        c,
        "invalid_client",
        `The system client ${answer.paused.name} is paused by its trust: ask the trust's approver to resume it on the Connected systems page`,
      );
    }
    if (!answer.ok) return oauthError(c, "invalid_client", "Unknown client, wrong secret or revoked client");
    c.header("cache-control", "no-store");
    c.header("pragma", "no-cache");
    return c.json({
      access_token: answer.accessToken,
      token_type: "Bearer",
      expires_in: answer.expiresIn,
      scope: answer.scope,
    });
  });
  app.all("/token", (c) => {
    c.header("allow", "POST");
    return c.json({ error: "invalid_request", error_description: "Use POST" }, 405);
  });
  app.all("*", (c) => c.json({ error: { message: "Not found" } }, 404));
  return app;
}
