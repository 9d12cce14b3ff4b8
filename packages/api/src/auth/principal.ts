import type { Database } from "@realise/db";
import { type Principal, ROLES, type Role } from "@realise/domain";
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

/**
 * The caller and the token of their session (changing a password keeps this one and ends the others).
 * A disabled account has no principal, even with a session that somehow survived.
 */
export async function sessionFromHeaders(
  database: Database,
  auth: Auth,
  headers: Headers,
): Promise<{ principal: Principal | null; sessionToken: string | undefined }> {
  const none = { principal: null, sessionToken: undefined };
  if (!headers.get("cookie")) return none;
  const session = await auth.api.getSession({ headers });
  if (!session) return none;
  const binding = await database.db
    .selectFrom("user_role")
    .select(["role", "ods_code", "icb_code", "region", "disabled_at"])
    .where("user_id", "=", session.user.id)
    .executeTakeFirst();
  if (!binding || !(ROLES as readonly string[]).includes(binding.role)) return none;
  if (binding.disabled_at) return none;
  return {
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
  };
}
