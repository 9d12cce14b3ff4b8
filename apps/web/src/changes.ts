import { type AuditEntry, type AuditNames, describeAuditEntry, functionalityInWords } from "@realise/domain";
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

const RETURN_VERBS: Record<string, string> = {
  "return.submit": "Submitted",
  "return.accept": "Accepted",
  "return.sendBack": "Sent back",
  "return.unlock": "Unlocked",
  "return.withdraw": "Withdrew",
};

/**
 * One line for an audit entry in words, naming the functionality (name and code) or the whole period it
 * was about; never an action code or a record id.
 */
export function describeEntry(entry: AuditEntry, names: AuditNames): string {
  const slash = entry.entityKey.indexOf("/");
  const key = slash < 0 ? entry.entityKey : entry.entityKey.slice(slash + 1);
  const returnVerb = RETURN_VERBS[entry.action];
  if (returnVerb) return `${returnVerb} the return for ${key}`;
  if (entry.action === "adoption.update" || entry.action === "adoption.create") {
    const fields = describeChanges(entry.before, entry.after);
    const lead = `${entry.action === "adoption.create" ? "Recorded" : "Updated"} ${functionalityInWords(key, names)}`;
    return fields.length > 0
      ? `${lead}: ${fields.map((f) => `${f.label} ${f.before} → ${f.after}`).join("; ")}`
      : lead;
  }
  return describeAuditEntry(entry, names).summary;
}
