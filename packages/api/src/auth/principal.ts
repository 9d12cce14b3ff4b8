import { authVersion, type Database } from "@realise/db";
import { type Principal, ROLES, type Role } from "@realise/domain";
import { keep, touch } from "../lib/recently-used.js";
import { requestAuthVersion } from "../services/request-versions.js";
import type { Auth } from "./auth.js";

/**
 * The raw value of the session cookie (better-auth's `session_token`, with or without the `__Secure-`
 * prefix), unverified: only ever used to remember a refusal, never to let anyone in.
 */
export function sessionCookieOf(headers: Headers): string | undefined {
  const cookie = headers.get("cookie");
  if (!cookie) return undefined;
  for (const part of cookie.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim().endsWith("session_token"))
      return part.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

/** Resolve the session cookie to a user and their role binding; null when signed out or unbound. */
export async function principalFromHeaders(
  database: Database,
  auth: Auth,
  headers: Headers,
): Promise<Principal | null> {
  return (await sessionFromHeaders(database, auth, headers)).principal;
}

// One lookup per request: the fair-use step and the route both ask for the caller of the same headers.
const perRequest = new WeakMap<Headers, Promise<Principal | null>>();

/** The caller of one HTTP request, looked up once however many of its steps ask. */
export function requestPrincipal(
  database: Database,
  auth: Auth,
  headers: Headers,
): Promise<Principal | null> {
  let principal = perRequest.get(headers);
  if (!principal) {
    principal = principalFromHeaders(database, auth, headers);
    perRequest.set(headers, principal);
  }
  return principal;
}

/** A caller as resolved from one cookie header, and what it holds until. */
interface KeptCaller {
  /** The account version it was resolved under (migration 0022). */
  version: string;
  /** When the session ends (ms since the epoch): never served after it. */
  expiresAt: number;
  answer: { principal: Principal; sessionToken: string };
}

const NOBODY = Object.freeze({ principal: null, sessionToken: undefined });

/** Callers kept per auth instance (its secret and database), most recently used last. */
const KEPT_CALLERS = 10_000;
const keptBy = new WeakMap<Auth, Map<string, KeptCaller>>();

/**
 * The caller and the token of their session (changing a password keeps this one and ends the others).
 * A disabled account has no principal, even with a session that somehow survived.
 *
 * Resolving a session costs better-auth's lookup and the role binding's, on every request. A caller is
 * kept by the whole cookie header (what better-auth reads) under the account version, read first on
 * every request: any committed change to a session, an account or a role raises it (migration 0022), so
 * a kept caller is reused only while nothing that could change it has changed, on any instance, and
 * never past its session's end. Only signed-in callers are kept; a cookie that lets no one in is looked
 * up each time.
 */
export async function sessionFromHeaders(
  database: Database,
  auth: Auth,
  headers: Headers,
): Promise<{ principal: Principal | null; sessionToken: string | undefined }> {
  const cookie = headers.get("cookie");
  if (!cookie) return NOBODY;
  const version = await (requestAuthVersion(database.db) ?? authVersion(database.db));
  let kept = keptBy.get(auth);
  if (!kept) {
    kept = new Map();
    keptBy.set(auth, kept);
  }
  const hit = kept.get(cookie);
  if (hit && hit.version === version && hit.expiresAt > Date.now()) {
    touch(kept, cookie, hit);
    return hit.answer;
  }
  const resolved = await lookUpSession(database, auth, headers);
  if (resolved) {
    // Shared by every request with this cookie until it changes: frozen, so no caller can alter another's.
    Object.freeze(resolved.answer.principal);
    Object.freeze(resolved.answer);
    keep(kept, cookie, { version, expiresAt: resolved.expiresAt, answer: resolved.answer }, KEPT_CALLERS);
    return resolved.answer;
  }
  // A caller kept under an older version, or whose session has ended, is let in no more.
  kept.delete(cookie);
  return NOBODY;
}

async function lookUpSession(
  database: Database,
  auth: Auth,
  headers: Headers,
): Promise<{ answer: { principal: Principal; sessionToken: string }; expiresAt: number } | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const binding = await database.db
    .selectFrom("user_role")
    .select(["role", "ods_code", "icb_code", "region", "disabled_at"])
    .where("user_id", "=", session.user.id)
    .executeTakeFirst();
  if (!binding || !(ROLES as readonly string[]).includes(binding.role)) return null;
  if (binding.disabled_at) return null;
  return {
    answer: {
      principal: {
        userId: session.user.id,
        email: session.user.email,
        name: session.user.name,
        role: binding.role as Role,
        odsCode: binding.ods_code,
        icbCode: binding.icb_code,
        region: binding.region,
      },
      sessionToken: session.session.token,
    },
    expiresAt: new Date(session.session.expiresAt).getTime(),
  };
}
