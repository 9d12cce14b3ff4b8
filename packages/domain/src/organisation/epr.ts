import type { FieldIssue } from "../errors/app-error.js";
import type { EprStatus } from "./schema.js";

/** A trust's EPR as the registry records it. */
export interface EprDetails {
  eprStatus: EprStatus;
  eprSupplier: string | null;
  eprProduct: string | null;
}

/**
 * Problems with a trust's EPR details, given whether the supplier is on the registry's list.
 *
 * Why: the national views group trusts by supplier, so a supplier must be one the registry knows, and a
 * trust with no EPR cannot have one, and a live EPR always has one.
 */
export function eprIssues(epr: EprDetails, supplierKnown: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (epr.eprStatus === "none" && (epr.eprSupplier || epr.eprProduct))
    issues.push({
      path: ["eprSupplier"],
      message: "A trust with no EPR has no EPR supplier or product; clear them or choose another status",
    });
  if (epr.eprStatus === "live" && !epr.eprSupplier)
    issues.push({
      path: ["eprSupplier"],
      message: "A live EPR needs its supplier; choose the supplier, or another status",
    });
  if (epr.eprSupplier && !supplierKnown)
    issues.push({
      path: ["eprSupplier"],
      message: `${epr.eprSupplier} is not a known EPR supplier; add it to the supplier list first`,
    });
  return issues;
}

/** Refuses a supplier name already on the list (compared without case). */
export function supplierNameIssues(existing: string | null): FieldIssue[] {
  return existing ? [{ path: ["name"], message: `${existing} is already in the supplier list` }] : [];
}
