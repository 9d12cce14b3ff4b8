/** What a trust's return for a period looks like to the national team. */
export const TRUST_RETURN_STATES = [
  "not_started",
  "in_progress",
  "ready_for_approval",
  "submitted",
  "returned",
  "accepted",
] as const;
export type TrustReturnState = (typeof TRUST_RETURN_STATES)[number];

export const TRUST_RETURN_STATE_LABELS: Record<TrustReturnState, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  ready_for_approval: "Ready for approval",
  submitted: "Submitted",
  returned: "Sent back",
  accepted: "Accepted",
};

/** The states of a trust that has not submitted: the ones to chase. */
export const NOT_SUBMITTED_STATES: readonly TrustReturnState[] = [
  "not_started",
  "in_progress",
  "ready_for_approval",
  "returned",
];

/** The order the collection status lists trusts in, on the page and in its download: those to chase first. */
export const TRUST_RETURN_STATE_ORDER: readonly TrustReturnState[] = [
  ...NOT_SUBMITTED_STATES,
  "submitted",
  "accepted",
];

/**
 * A trust's state in a collection.
 *
 * Why: the national team chases non-submitters; "not started" and "ready for approval" need different
 * calls. A trust has started once any record, benefit line or plan item changed since the collection
 * opened; it is ready for approval when it has started and its checklist has nothing left to look at.
 */
export function trustReturnState(input: {
  returnStatus: string | null;
  lastChangeOn: string | null;
  opensOn: string;
  checklistItems: number;
  /** An editor marked the whole trust ready for approval for the period (issue 14's handoff). */
  handedOff?: boolean;
}): TrustReturnState {
  switch (input.returnStatus) {
    case "submitted":
    case "accepted":
      return input.returnStatus;
    case "returned":
      return "returned";
  }
  // unlocked, withdrawn or no return: the trust is working on it, or has not begun.
  if (input.handedOff) return "ready_for_approval";
  if (input.returnStatus === null && (input.lastChangeOn === null || input.lastChangeOn < input.opensOn))
    return "not_started";
  return input.checklistItems === 0 ? "ready_for_approval" : "in_progress";
}
