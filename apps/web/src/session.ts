import { safeNextPath } from "@realise/domain";
import { useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import type { Me } from "./types";

/** Who is signed in; `data` is null when nobody is. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.session.me.queryOptions());
}

type Principal = NonNullable<Me>;

const NATIONAL_ROLES = new Set(["national_admin", "national_analyst"]);
const WRITE_ROLES = new Set(["trust_editor", "trust_approver"]);

export const isNational = (me: Me) => me != null && NATIONAL_ROLES.has(me.role);

/** Where a user starts after signing in: their trust's dashboard, or the national app. */
export function homeOf(me: Principal): string {
  if (NATIONAL_ROLES.has(me.role) || !me.odsCode) return "/admin/";
  return `/trusts/${me.odsCode}/dashboard`;
}

/** These mirror the API's access rules so the UI offers only what the server will allow. */
export const canSee = (me: Me, odsCode: string) => me != null && (isNational(me) || me.odsCode === odsCode);
export const canEdit = (me: Me, odsCode: string) =>
  me != null && WRITE_ROLES.has(me.role) && me.odsCode === odsCode;
export const canSubmit = (me: Me, odsCode: string) =>
  me != null && me.role === "trust_approver" && me.odsCode === odsCode;

const ROLE_LABELS: Record<string, string> = {
  trust_viewer: "viewer",
  trust_editor: "editor",
  trust_approver: "approver",
  national_admin: "national administrator",
  national_analyst: "national analyst",
};
export const roleLabel = (role: string) => ROLE_LABELS[role] ?? role;

/**
 * A same-origin path to return to after signing in, decoded and normalised first; anything else is ignored
 * (no open redirect), so the caller sends the person to their dashboard.
 */
export function safeNext(next: string | null): string | null {
  return safeNextPath(next);
}
