/** Plain-English labels for stored codes, shared by both apps. */
export const TRUST_TYPE_LABELS: Record<string, string> = {
  acute: "Acute",
  specialist: "Specialist",
  combined: "Mental health and community",
  mental_health: "Mental health",
  community: "Community",
  ambulance: "Ambulance",
};

export const EPR_STATUS_LABELS: Record<string, string> = {
  none: "No EPR",
  procuring: "Procuring",
  implementing: "Implementing",
  live: "Live",
};

export const LEVEL_LABELS: Record<number, string> = {
  0: "L0 Not in place",
  1: "L1 Planned",
  2: "L2 Live (partial)",
  3: "L3 Adopted",
  4: "L4 Embedded",
  5: "L5 Optimised",
};

export const VALIDATION_LABELS: Record<string, string> = {
  self_assessed: "Self-assessed",
  evidence_attached: "Evidence attached",
  validated: "Validated",
  returned: "Returned",
  system_reported: "System-reported",
};

export const label = (labels: Record<string, string>, code: string | null | undefined) =>
  code == null ? "Not known" : (labels[code] ?? code);

export function formatPercent(value: number | null | undefined, digits = 0): string {
  return value == null ? "–" : `${value.toFixed(digits)}%`;
}
