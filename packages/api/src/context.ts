import type { Database } from "@realise/db";
import type { Principal } from "@realise/domain";
import type { Auth } from "./auth/auth.js";
import type { Logger } from "./http/logger.js";
import { sessionCookieOf, sessionFromHeaders } from "./auth/principal.js";
import type { FairUse } from "./security/fair-use.js";

/** What every procedure sees: the database, the auth instance and who is calling. */
export interface Context {
  database: Database;
  auth: Auth;
  principal: Principal | null;
  /** The HTTP request's id (absent for in-process callers), quoted in an internal error's message. */
  requestId?: string | undefined;
  /** The public address of the apps, for links in the emails a call causes (absent in-process). */
  appUrl?: string | undefined;
  /** The caller's session token (absent in-process): changing a password keeps this session only. */
  sessionToken?: string | undefined;
  /** Where security events of the call go (absent in-process: not logged). */
  logger?: Logger | undefined;
  /** The limits on expensive views (absent in-process and when the server runs without them). */
  fairUse?: FairUse | undefined;
  /** The caller's address as the server saw the socket (absent in-process). */
  clientAddress?: string | undefined;
  /** The raw session cookie the call came with (absent in-process): fair use remembers refusals by it. */
  sessionCookie?: string | undefined;
}

/** Build a call's context from request headers (the session cookie). */
export async function createContext(
  database: Database,
  auth: Auth,
  headers: Headers,
  requestId?: string,
  appUrl?: string,
  fairUse?: FairUse,
): Promise<Context> {
  const { principal, sessionToken } = await sessionFromHeaders(database, auth, headers);
  const clientAddress = headers.get("x-client-ip") || undefined;
  const sessionCookie = sessionCookieOf(headers);
  return {
    database,
    auth,
    principal,
    requestId,
    appUrl,
    sessionToken,
    fairUse,
    clientAddress,
    sessionCookie,
  };
}
