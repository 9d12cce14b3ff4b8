/** One vocabulary for a roadmap milestone's status on every page: overview, benefits and plans, reports. */
export type MilestoneStatus = "met" | "on_track" | "off_track" | "missed";

/** The words for each status, shown wherever a milestone's status is. */
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  met: "Met",
  on_track: "On track",
  off_track: "Off track",
  missed: "Missed",
};

/**
 * A milestone's status: met when the required share meets it now; missed once its target date has passed
 * unmet; on track when the required share is forecast to meet it by the target date; off track otherwise
 * (forecast late, or no forecast that gets there).
 *
 * Why: the overview and the benefits and plans page must never disagree about the same milestone.
 */
export function milestoneStatus(input: {
  metNow: boolean;
  targetDate: string;
  today: string;
  /** When the required share is forecast to meet it; null when no forecast gets there. */
  forecastDate: string | null;
}): MilestoneStatus {
  if (input.metNow) return "met";
  if (input.targetDate < input.today) return "missed";
  return input.forecastDate !== null && input.forecastDate <= input.targetDate ? "on_track" : "off_track";
}
