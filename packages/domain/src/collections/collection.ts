import { z } from "zod";
import { periodKind, periodRange } from "../periods/periods.js";
import { PeriodSchema } from "../periods/schema.js";

const IsoDate = z.iso.date({ message: "Date must be written as YYYY-MM-DD" });

/** What the national team fills in to open a quarter for returns. */
export const CollectionSchema = z
  .object({
    period: PeriodSchema,
    opensOn: IsoDate,
    dueOn: IsoDate,
    /** The framework version the quarter is assessed against; defaults to the one in force. */
    frameworkVersion: z.number().int().min(1).max(1_000_000_000).optional(),
  })
  .strict();
export type CollectionInput = z.infer<typeof CollectionSchema>;

/**
 * Checks a collection before it is opened. Paths are relative to the collection.
 *
 * Why: a collection sets what every trust is asked for and by when; a year-long period, a due date before
 * the opening, or a quarter that is long over would ask trusts for something they cannot give.
 */
export function collectionIssues(
  input: Pick<CollectionInput, "period" | "opensOn" | "dueOn">,
  today: string,
): Array<{ path: string[]; message: string }> {
  const issues: Array<{ path: string[]; message: string }> = [];
  if (periodKind(input.period) !== "quarter") {
    issues.push({
      path: ["period"],
      message: "Returns are collected by quarter: choose a quarter such as 2026/27 Q3",
    });
    return issues;
  }
  const { start, end } = periodRange(input.period);
  if (input.dueOn < input.opensOn)
    issues.push({ path: ["dueOn"], message: "Due date must be on or after the opening date" });
  if (input.opensOn < start)
    issues.push({
      path: ["opensOn"],
      message: `Opening date must be on or after the quarter starts (${start})`,
    });
  if (input.dueOn < end)
    issues.push({ path: ["dueOn"], message: `Due date must be on or after the quarter ends (${end})` });
  if (input.dueOn < today) issues.push({ path: ["dueOn"], message: "Due date must not be in the past" });
  return issues;
}

/** Where a collection stands on a day: not yet open, open, or past its due date. */
export function collectionPhase(collection: { opensOn: string; dueOn: string }, today: string) {
  if (today < collection.opensOn) return "upcoming" as const;
  return today <= collection.dueOn ? ("open" as const) : ("overdue" as const);
}

/** Whole days from `today` to the due date (negative once overdue). */
export function daysUntilDue(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whether official figures may be frozen for a period: only once it has ended.
 *
 * Why: a snapshot of an unfinished quarter would publish figures that are still moving as official, and
 * a frozen snapshot can never be undone.
 */
export function freezeRefusal(period: string, today: string): string | null {
  const { end } = periodRange(period);
  if (end >= today)
    return `${period} has not ended yet (it ends on ${end}): official figures are frozen only for ended periods`;
  return null;
}

/**
 * Whether a period with these return counts has anything official to publish.
 *
 * Why: official figures come only from accepted returns; a period with none would publish an empty
 * snapshot that can never be replaced.
 */
export function nothingToFreeze(period: string, accepted: number): string | null {
  return accepted > 0
    ? null
    : `No return for ${period} has been accepted yet: there are no official figures to publish`;
}
