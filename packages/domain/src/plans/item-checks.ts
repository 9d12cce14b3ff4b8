import type { FieldIssue } from "../errors/app-error.js";
import type { Framework } from "../framework/schema.js";
import type { TrustType } from "../organisation/schema.js";
import type { PlanItem } from "./schema.js";

/**
 * Whether a trust may plan a functionality: it must be in the framework in force and apply to the trust's
 * type. Paths are relative to the item.
 */
export function planItemIssues(
  framework: Pick<Framework, "version" | "functionalities">,
  trustType: TrustType | string,
  item: Pick<PlanItem, "functionalityCode">,
): FieldIssue[] {
  const f = framework.functionalities.find((x) => x.code === item.functionalityCode);
  if (!f) {
    return [
      {
        path: ["functionalityCode"],
        message: `Functionality ${item.functionalityCode} is not in framework version ${framework.version}`,
      },
    ];
  }
  if (!f.appliesTo.includes(trustType as TrustType)) {
    return [
      {
        path: ["functionalityCode"],
        message: `${f.name} does not apply to ${trustType.replace("_", " ")} trusts`,
      },
    ];
  }
  return [];
}

/** A new item (no id yet) is written at expected version 0; anything else is a mistaken edit. */
export function newPlanItemIssues(expectedVersion: number): FieldIssue[] {
  return expectedVersion === 0
    ? []
    : [{ path: ["expectedVersion"], message: "A new plan item has expected version 0" }];
}
