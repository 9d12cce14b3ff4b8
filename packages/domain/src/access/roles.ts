/** The five roles of Realise. Trust roles are bound to one trust; national roles see the nation. */
export const ROLES = [
  "trust_viewer",
  "trust_editor",
  "trust_approver",
  "national_admin",
  "national_analyst",
] as const;
export type Role = (typeof ROLES)[number];

export const TRUST_ROLES = ["trust_viewer", "trust_editor", "trust_approver"] as const;
export const NATIONAL_ROLES = ["national_admin", "national_analyst"] as const;

/**
 * What a procedure needs, declared next to it and enforced by one middleware:
 * - `public`: anyone, signed in or not;
 * - `signedIn`: any role;
 * - `trust`: the listed trust roles for their own trust (input `odsCode`), plus the listed national roles for any trust;
 * - `national`: only the listed national roles.
 */
export type Access =
  | { kind: "public" }
  | { kind: "signedIn" }
  | { kind: "trust"; trustRoles: readonly Role[]; nationalRoles: readonly Role[] }
  | { kind: "national"; roles: readonly Role[] };

export const access = {
  public: { kind: "public" } as const,
  signedIn: { kind: "signedIn" } as const,
  /** Read a trust's data: its own staff, and the national team. */
  trustRead: { kind: "trust", trustRoles: TRUST_ROLES, nationalRoles: NATIONAL_ROLES } as const,
  /** Change a trust's data: its editors and approvers only. */
  trustWrite: { kind: "trust", trustRoles: ["trust_editor", "trust_approver"], nationalRoles: [] } as const,
  /** Submit a trust's return: its approver (the CIO or deputy) only. */
  trustSubmit: { kind: "trust", trustRoles: ["trust_approver"], nationalRoles: [] } as const,
  /** Manage a trust's team (invite, change roles, disable): its approver, and national admins for any trust. */
  trustTeam: { kind: "trust", trustRoles: ["trust_approver"], nationalRoles: ["national_admin"] } as const,
  /** National read views. */
  nationalRead: { kind: "national", roles: NATIONAL_ROLES } as const,
  /** Administration of criteria, registry, returns and snapshots. */
  nationalAdmin: { kind: "national", roles: ["national_admin"] } as const,
} satisfies Record<string, Access>;

export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  odsCode: string | null;
}

/** The outcome the access rule gives a principal for a trust, independent of transport. */
export function decide(
  rule: Access,
  principal: Principal | null,
  odsCode: string | undefined,
): "allowed" | "UNAUTHORIZED" | "FORBIDDEN" {
  if (rule.kind === "public") return "allowed";
  if (!principal) return "UNAUTHORIZED";
  if (rule.kind === "signedIn") return "allowed";
  if (rule.kind === "national") return rule.roles.includes(principal.role) ? "allowed" : "FORBIDDEN";
  if (rule.nationalRoles.includes(principal.role)) return "allowed";
  if (!rule.trustRoles.includes(principal.role)) return "FORBIDDEN";
  return odsCode !== undefined && principal.odsCode === odsCode ? "allowed" : "FORBIDDEN";
}
