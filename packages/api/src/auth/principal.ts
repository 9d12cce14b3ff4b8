import type { Database } from "@realise/db";
import { type Principal, ROLES, type Role } from "@realise/domain";
import type { Auth } from "./auth.js";

/** Resolve the session cookie to a user and their role binding; null when signed out or unbound. */
export async function principalFromHeaders(
  database: Database,
  auth: Auth,
  headers: Headers,
): Promise<Principal | null> {
  if (!headers.get("cookie")) return null;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const binding = await database.db
    .selectFrom("user_role")
    .select(["role", "ods_code", "icb_code", "region"])
    .where("user_id", "=", session.user.id)
    .executeTakeFirst();
  if (!binding || !(ROLES as readonly string[]).includes(binding.role)) return null;
  return {
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    role: binding.role as Role,
    odsCode: binding.ods_code,
    icbCode: binding.icb_code,
    region: binding.region,
  };
}
