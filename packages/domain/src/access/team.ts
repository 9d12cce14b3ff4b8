import { AppError } from "../errors/app-error.js";
import type { Principal, Role } from "./roles.js";

/** How long an invitation link works, and a password reset link. */
export const INVITATION_DAYS = 7;
export const PASSWORD_RESET_HOURS = 1;

/** The roles a trust's approver may give colleagues (national roles are given only in the national console). */
export const TEAM_ROLES = ["trust_viewer", "trust_editor", "trust_approver"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  trust_viewer: "Viewer",
  trust_editor: "Editor",
  trust_approver: "Approver",
  national_admin: "National admin",
  national_analyst: "National analyst",
  icb_viewer: "ICB viewer",
  region_viewer: "Region viewer",
};

/** The account being changed, as the rules need it. */
export interface AccountSubject {
  userId: string;
  role: Role;
  disabledAt: Date | null;
}

/**
 * Refuses a role change that would lock people out.
 *
 * Why: nobody changes their own role (an approver cannot quietly make themselves national, and an approver
 * demoting themselves could leave the trust with none by mistake); without a national admin nobody could
 * administer the service.
 */
export function checkRoleChange(
  actor: Principal,
  subject: AccountSubject,
  next: Role,
  nationalAdmins: number,
): void {
  if (actor.userId === subject.userId)
    throw AppError.field(
      "userId",
      "You cannot change your own role; ask another approver or the national team",
    );
  if (subject.role === "national_admin" && next !== "national_admin" && nationalAdmins <= 1)
    throw AppError.state("This is the last national admin account; make another admin first");
}

/**
 * Refuses disabling an account when it would lock people out.
 *
 * Why: disabling yourself ends your own session with no way back; the last national admin disabled leaves
 * nobody to re-enable anyone.
 */
export function checkDisable(actor: Principal, subject: AccountSubject, activeNationalAdmins: number): void {
  if (actor.userId === subject.userId) throw AppError.field("userId", "You cannot disable your own account");
  if (subject.role === "national_admin" && activeNationalAdmins <= 1)
    throw AppError.state("This is the last national admin account; make another admin first");
}

/**
 * Why a one-time link can no longer be used, or null when it can.
 *
 * Why: a link sent by email may be forwarded or found later; it works once, and only for a short time.
 */
export function linkProblem(
  link: { expiresAt: Date; usedAt: Date | null } | undefined,
  now: Date,
  what: "invitation" | "password reset",
): string | null {
  if (!link) return `This ${what} link is not valid; check you copied the whole link`;
  if (link.usedAt) return `This ${what} link has already been used`;
  if (link.expiresAt.getTime() <= now.getTime())
    return what === "invitation"
      ? "This invitation has expired; ask your trust's approver to send it again"
      : "This password reset link has expired; ask for a new one";
  return null;
}

/** Whether a role may be given by someone managing a trust's team. */
export function isTeamRole(role: string): role is TeamRole {
  return (TEAM_ROLES as readonly string[]).includes(role);
}
