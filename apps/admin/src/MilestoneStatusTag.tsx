import { MILESTONE_STATUS_LABELS, type MilestoneStatus } from "@realise/domain";
import { Tag } from "nhsuk-react-components";

const COLOUR: Record<MilestoneStatus, "green" | "blue" | "orange" | "red"> = {
  met: "green",
  on_track: "blue",
  off_track: "orange",
  missed: "red",
};

/** A milestone's status in the one vocabulary every national page uses: met, on track, off track, missed. */
export function MilestoneStatusTag({ status }: { status: MilestoneStatus }) {
  return <Tag modifier={COLOUR[status]}>{MILESTONE_STATUS_LABELS[status]}</Tag>;
}
