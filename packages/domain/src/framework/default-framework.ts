import { DEFAULT_BENEFIT_TYPES } from "./default/benefit-types.js";
import { buildDefaultCriteria } from "./default/criteria.js";
import { DEFAULT_FUNCTIONALITIES } from "./default/functionalities.js";
import { DEFAULT_MILESTONES } from "./default/milestones.js";
import { DEFAULT_TIERS } from "./default/tiers.js";
import type { Framework } from "./schema.js";

/**
 * The default national framework, version 1: five tiers, 46 functionalities, criteria for every trust type,
 * Green Book benefit types and the March 2026 roadmap milestones. Grounded in reference/domain.md §7; each
 * item carries its sources. Seeded on an empty database; the national team edits copies, never this.
 */
export const defaultFramework: Framework = deepFreeze({
  version: 1,
  name: "National EPR adoption framework",
  status: "published",
  effectiveFrom: "2025-04-01",
  tiers: DEFAULT_TIERS,
  functionalities: DEFAULT_FUNCTIONALITIES,
  criteria: buildDefaultCriteria(DEFAULT_FUNCTIONALITIES),
  benefitTypes: DEFAULT_BENEFIT_TYPES,
  milestones: DEFAULT_MILESTONES,
});

/** Frozen because a published version never changes; copy it (structuredClone) to draft the next one. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
