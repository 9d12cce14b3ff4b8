import { LEVEL_LABELS, label, VALIDATION_LABELS } from "@realise/ui";
import { pct } from "./format";

/** The adoption fields people change, in form order, with the names the form uses. */
export const FIELD_LABELS: Record<string, string> = {
  coveragePct: "Coverage",
  usageNumerator: "Usage numerator",
  usageDenominator: "Usage denominator",
  measurementWindowStart: "Measurement window start",
  measurementWindowEnd: "Measurement window end",
  paperRetired: "Paper retired",
  plannedGoLive: "Planned go-live date",
  evidence: "Evidence links",
  notes: "Notes",
  claimedLevel: "Claimed level",
  claimReason: "Claim reason",
  level: "Level",
  derivedLevel: "Level the measures show",
  validationState: "Validation state",
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** A stored value as a person reads it. */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (field === "coveragePct" && typeof value === "number") return pct(value);
  if (
    (field === "level" || field === "derivedLevel" || field === "claimedLevel") &&
    typeof value === "number"
  )
    return LEVEL_LABELS[value] ?? `L${value}`;
  if (field === "validationState" && typeof value === "string") return label(VALIDATION_LABELS, value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value))
    return value.length === 0 ? "none" : `${value.length} link${value.length === 1 ? "" : "s"}`;
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export interface Change {
  field: string;
  label: string;
  before: string;
  after: string;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** The fields an audit entry changed, before → after; a creation lists the values it set. */
export function describeChanges(before: unknown, after: unknown): Change[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!a) return [];
  return Object.keys(FIELD_LABELS).flatMap((field) => {
    if (!(field in a)) return [];
    const was = b?.[field] ?? null;
    const now = a[field] ?? null;
    if (b && JSON.stringify(was) === JSON.stringify(now)) return [];
    if (!b && (now === null || now === "" || (Array.isArray(now) && now.length === 0))) return [];
    return [
      { field, label: fieldLabel(field), before: formatValue(field, was), after: formatValue(field, now) },
    ];
  });
}

/** One line for an audit action, naming the functionality or period it was about. */
export function describeAction(action: string, entityKey: string, nameOf: (code: string) => string): string {
  const [, key = entityKey] = entityKey.split("/");
  switch (action) {
    case "adoption.create":
      return `Recorded ${nameOf(key)}`;
    case "adoption.update":
      return `Updated ${nameOf(key)}`;
    case "adoption.confirm_unchanged":
      return `Confirmed ${nameOf(key)} unchanged`;
    case "return.submit":
      return `Submitted the return for ${key}`;
    case "return.accept":
      return `Return for ${key} accepted`;
    case "return.sendBack":
      return `Return for ${key} sent back`;
    case "return.unlock":
      return `Return for ${key} unlocked`;
    default:
      return `${action} ${entityKey}`;
  }
}
