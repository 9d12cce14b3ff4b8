/**
 * The roles of Realise. Trust roles are bound to one trust; national roles see the nation; oversight roles
 * (an ICB's digital team, an NHS England region) see, read-only, the trusts of one ICB or one region.
 */
export const ROLES = [
  "trust_viewer",
  "trust_editor",
  "trust_approver",
  "national_admin",
  "national_analyst",
  "icb_viewer",
  "region_viewer",
] as const;
export type Role = (typeof ROLES)[number];

export const TRUST_ROLES = ["trust_viewer", "trust_editor", "trust_approver"] as const;
export const NATIONAL_ROLES = ["national_admin", "national_analyst"] as const;
/** Read-only roles bound to an ICB (by code) or a region: they see the trusts in it, as at today's membership. */
export const OVERSIGHT_ROLES = ["icb_viewer", "region_viewer"] as const;

/** Whether a role is an ICB or region viewer. */
export function isOversightRole(role: Role): role is (typeof OVERSIGHT_ROLES)[number] {
  return (OVERSIGHT_ROLES as readonly Role[]).includes(role);
}

/**
 * What a procedure needs, declared next to it and enforced by one middleware:
 * - `public`: anyone, signed in or not;
 * - `signedIn`: any role;
 * - `trust`: the listed trust roles for their own trust (input `odsCode`), plus the listed national roles for any trust;
 * - `national`: only the listed national roles;
 * - either, with `oversightRoles`: also ICB and region viewers, for the trusts in their scope (a trust rule
 *   checks the trust is in it; a national view is narrowed to it by the procedure).
 */
export type Access =
  | { kind: "public" }
  | { kind: "signedIn" }
  | {
      kind: "trust";
      trustRoles: readonly Role[];
      nationalRoles: readonly Role[];
      oversightRoles?: readonly Role[];
    }
  | { kind: "national"; roles: readonly Role[]; oversightRoles?: readonly Role[] };

export const access = {
  public: { kind: "public" } as const,
  signedIn: { kind: "signedIn" } as const,
  /** Read a trust's data: its own staff, the national team, and the ICB or region viewers whose scope holds it. */
  trustRead: {
    kind: "trust",
    trustRoles: TRUST_ROLES,
    nationalRoles: NATIONAL_ROLES,
    oversightRoles: OVERSIGHT_ROLES,
  } as const,
  /** Change a trust's data: its editors and approvers only. */
  trustWrite: { kind: "trust", trustRoles: ["trust_editor", "trust_approver"], nationalRoles: [] } as const,
  /** Submit a trust's return: its approver (the CIO or deputy) only. */
  trustSubmit: { kind: "trust", trustRoles: ["trust_approver"], nationalRoles: [] } as const,
  /** Manage a trust's team (invite, change roles, disable): its approver, and national admins for any trust. */
  trustTeam: { kind: "trust", trustRoles: ["trust_approver"], nationalRoles: ["national_admin"] } as const,
  /** National read views. */
  nationalRead: { kind: "national", roles: NATIONAL_ROLES } as const,
  /** National read views that ICB and region viewers also see, narrowed to the trusts in their scope. */
  oversightRead: { kind: "national", roles: NATIONAL_ROLES, oversightRoles: OVERSIGHT_ROLES } as const,
  /** Administration of criteria, registry, returns and snapshots. */
  nationalAdmin: { kind: "national", roles: ["national_admin"] } as const,
} satisfies Record<string, Access>;

export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  odsCode: string | null;
  /** The ICB an ICB viewer is bound to (null or absent for other roles). */
  icbCode?: string | null;
  /** The region a region viewer is bound to (null or absent for other roles). */
  region?: string | null;
}

/** The outcome the access rule gives a principal for a trust, independent of transport. */
export function decide(
  rule: Access,
  principal: Principal | null,
  odsCode: string | undefined,
  /** For an ICB or region viewer, the ODS codes of the trusts in their scope today. */
  scope?: readonly string[],
): "allowed" | "UNAUTHORIZED" | "FORBIDDEN" {
  if (rule.kind === "public") return "allowed";
  if (!principal) return "UNAUTHORIZED";
  if (rule.kind === "signedIn") return "allowed";
  if (rule.oversightRoles?.includes(principal.role))
    return rule.kind === "national" || (odsCode !== undefined && (scope ?? []).includes(odsCode))
      ? "allowed"
      : "FORBIDDEN";
  if (rule.kind === "national") return rule.roles.includes(principal.role) ? "allowed" : "FORBIDDEN";
  if (rule.nationalRoles.includes(principal.role)) return "allowed";
  if (!rule.trustRoles.includes(principal.role)) return "FORBIDDEN";
  return odsCode !== undefined && principal.odsCode === odsCode ? "allowed" : "FORBIDDEN";
}
