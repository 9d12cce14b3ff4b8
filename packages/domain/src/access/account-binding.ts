import { AppError, type FieldIssue } from "../errors/app-error.js";
import type { Role } from "./roles.js";

/** What an account is bound to: a national role, or a trust role on one trust. */
export interface RoleBinding {
  role: Role;
  odsCode: string | null;
}

/**
 * Problems with a binding, given whether its trust is in the registry (ignored for national roles).
 *
 * Why: a trust role without a trust would see nothing, or everything; a national role bound to a trust
 * would suggest a limit the access rules do not apply.
 */
export function bindingIssues(binding: RoleBinding, trustExists: boolean): FieldIssue[] {
  if (binding.role.startsWith("trust_")) {
    if (!binding.odsCode) return [{ path: ["odsCode"], message: "A trust role needs the trust's ODS code" }];
    if (!trustExists) return [{ path: ["odsCode"], message: `No trust has the ODS code ${binding.odsCode}` }];
    return [];
  }
  return binding.odsCode
    ? [{ path: ["odsCode"], message: "A national role is not bound to a trust; leave the trust empty" }]
    : [];
}

/** Whether the binding needs its trust looked up in the registry. */
export function bindingNeedsTrust(binding: RoleBinding): binding is RoleBinding & { odsCode: string } {
  return binding.role.startsWith("trust_") && binding.odsCode !== null && binding.odsCode !== "";
}

/** Problems with a new account: its email must be free, and its binding valid. */
export function newAccountIssues(
  account: RoleBinding & { email: string },
  emailTaken: boolean,
  trustExists: boolean,
): FieldIssue[] {
  return [
    ...(emailTaken ? [{ path: ["email"], message: `An account already uses ${account.email}` }] : []),
    ...bindingIssues(account, trustExists),
  ];
}

/**
 * Refuses a binding change when the account changed since the editor read it, or when it would demote the
 * last national admin.
 *
 * Why: a concurrent change must not be overwritten silently, and without a national admin nobody could
 * administer the service.
 */
export function checkBindingChange(
  current: RoleBinding,
  expected: RoleBinding,
  next: RoleBinding,
  nationalAdmins: number,
): void {
  if (current.role !== expected.role || current.odsCode !== expected.odsCode)
    throw AppError.conflict("Someone else changed this account's role since you opened it; reload it", {
      role: current.role,
      odsCode: current.odsCode,
    });
  if (current.role === "national_admin" && next.role !== "national_admin" && nationalAdmins <= 1)
    throw AppError.state("This is the last national admin account; make another admin first");
}
