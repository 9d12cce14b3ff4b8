import { daysBetween } from "../common/schema.js";
import type { PlanItem } from "./schema.js";

/** Where a plan item stands against the trust's current level. */
export interface PlanItemProgress {
  currentLevel: number;
  state: "reached" | "overdue" | "due";
  /** Days past the target date without the level reached; 0 otherwise. */
  slippageDays: number;
  /** Marked done while the measures do not show the level. */
  doneButNotReached: boolean;
}

/**
 * Where a plan item stands on a day (ISO date), given the level the functionality is at now.
 *
 * Why: the plan says what the trust intends; the level says what its measures show. An item is reached
 * only when the measures show it, whatever its status says.
 */
export function itemProgress(
  item: Pick<PlanItem, "targetLevel" | "targetDate" | "status">,
  level: number,
  today: string,
): PlanItemProgress {
  const reached = level >= item.targetLevel;
  const overdue = !reached && item.targetDate < today;
  return {
    currentLevel: level,
    state: reached ? "reached" : overdue ? "overdue" : "due",
    slippageDays: overdue ? daysBetween(item.targetDate, today) : 0,
    doneButNotReached: item.status === "done" && !reached,
  };
}
