import type { Framework, Functionality, TierCriterion } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";

/**
 * The criteria a trust type is scored on.
 *
 * Why: a trust is never scored on items that do not apply to its type (Meaningful Use exclusions), e.g. an
 * ambulance trust on inpatient e-prescribing.
 */
export function applicableCriteria(framework: Framework, trustType: TrustType): TierCriterion[] {
  return framework.criteria.filter((c) => c.appliesTo.includes(trustType));
}

/**
 * The functionalities of a criterion that apply to a trust type.
 *
 * Why: a menu offers only the items a trust could adopt; the framework schema ensures at least k remain.
 */
export function applicableOptions(
  criterion: TierCriterion,
  trustType: TrustType,
  functionalities: ReadonlyMap<string, Functionality>,
): string[] {
  return criterion.functionalityCodes.filter((code) =>
    functionalities.get(code)?.appliesTo.includes(trustType),
  );
}

/** Units a criterion contributes: one for a mandatory item, k for a menu. */
export function requiredUnits(criterion: TierCriterion): number {
  return criterion.kind === "mandatory" ? 1 : (criterion.k ?? 1);
}
