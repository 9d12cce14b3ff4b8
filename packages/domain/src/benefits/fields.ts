import type { FieldIssue } from "../errors/app-error.js";
import type { Framework } from "../framework/schema.js";
import type { BenefitLine } from "./schema.js";

/** The fields of a register line a trust edits: everything but its identity and its actuals. */
export type BenefitLineFields = Omit<BenefitLine, "id" | "odsCode" | "actuals">;

/**
 * A line's fields as they are kept: the trajectory in date order, each enabling functionality once, and an
 * empty double-count group or evidence as none.
 *
 * Why: progress reads the trajectory in date order, and an empty group would otherwise join every other
 * empty-group line of the trust into one double-count group.
 */
export function normaliseLineFields<F extends BenefitLineFields>(fields: F): F {
  return {
    ...fields,
    trajectory: [...fields.trajectory].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    enablingFunctionalities: [...new Set(fields.enablingFunctionalities)],
    doubleCountGroup: fields.doubleCountGroup === "" ? null : fields.doubleCountGroup,
    evidence: fields.evidence === "" ? null : fields.evidence,
  };
}

/**
 * References a schema cannot check: the line's benefit type and enabling functionalities must exist in the
 * framework in force. Paths are relative to the line's fields.
 */
export function lineReferenceIssues(
  framework: Pick<Framework, "version" | "benefitTypes" | "functionalities">,
  fields: Pick<BenefitLineFields, "benefitTypeCode" | "enablingFunctionalities">,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!framework.benefitTypes.some((b) => b.code === fields.benefitTypeCode)) {
    issues.push({
      path: ["benefitTypeCode"],
      message: `Benefit type ${fields.benefitTypeCode} is not in framework version ${framework.version}`,
    });
  }
  fields.enablingFunctionalities.forEach((code, i) => {
    if (!framework.functionalities.some((f) => f.code === code)) {
      issues.push({
        path: ["enablingFunctionalities", i],
        message: `Functionality ${code} is not in framework version ${framework.version}`,
      });
    }
  });
  return issues;
}
