import { AppError, type FieldIssue } from "../errors/app-error.js";
import type { Role } from "./roles.js";

/** What an account is bound to: a national role, a trust role on one trust, or an ICB or region to oversee. */
export interface RoleBinding {
  role: Role;
  odsCode: string | null;
  /** An ICB viewer's ICB code; absent or null for other roles. */
  icbCode?: string | null | undefined;
  /** A region viewer's region; absent or null for other roles. */
  region?: string | null | undefined;
}

/**
 * Problems with an ICB or region binding: each oversight role names exactly its ICB or its region, and no
 * other role names either. `icbExists` says whether the ICB code is in the registry.
 */
export function oversightBindingIssues(binding: RoleBinding, icbExists: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (binding.role === "icb_viewer") {
    if (!binding.icbCode) issues.push({ path: ["icbCode"], message: "An ICB viewer needs the ICB's code" });
    else if (!icbExists)
      issues.push({ path: ["icbCode"], message: `No ICB has the code ${binding.icbCode}` });
  } else if (binding.icbCode)
    issues.push({ path: ["icbCode"], message: "Only an ICB viewer is bound to an ICB; leave the ICB empty" });
  if (binding.role === "region_viewer") {
    if (!binding.region) issues.push({ path: ["region"], message: "A region viewer needs the region" });
  } else if (binding.region)
    issues.push({
      path: ["region"],
      message: "Only a region viewer is bound to a region; leave the region empty",
    });
  if ((binding.role === "icb_viewer" || binding.role === "region_viewer") && binding.odsCode)
    issues.push({
      path: ["odsCode"],
      message: "An ICB or region viewer sees the trusts in their ICB or region; leave the trust empty",
    });
  return issues;
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
  if (binding.role === "icb_viewer" || binding.role === "region_viewer") return [];
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
  icbExists = false,
): FieldIssue[] {
  return [
    ...(emailTaken ? [{ path: ["email"], message: `An account already uses ${account.email}` }] : []),
    ...bindingIssues(account, trustExists),
    ...oversightBindingIssues(account, icbExists),
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
