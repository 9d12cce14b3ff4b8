import { ADOPTION_LEVEL_LABELS, toAdoptionLevel } from "../adoption/schema.js";
import { formatPct, usagePct } from "../adoption/usage.js";
import { dateInWords } from "../common/dates.js";

/** One audit row as stored: what was done, to what, and the values before and after. */
export interface AuditEntry {
  action: string;
  entity: string;
  entityKey: string;
  odsCode: string | null;
  before: unknown;
  after: unknown;
}

/** Names the describer may use instead of codes; each returns undefined when it does not know the code. */
export interface AuditNames {
  functionality?: (code: string) => string | undefined;
  organisation?: (odsCode: string) => string | undefined;
}

/** One field that changed, in words: "Usage", "62%", "75%". */
export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

/** An audit row in words: a sentence, the trust it concerns, and each field's old → new value. */
export interface AuditDescription {
  summary: string;
  trust: string | null;
  changes: AuditChange[];
}

type Values = Record<string, unknown>;

const ROLE_LABELS: Record<string, string> = {
  trust_viewer: "Trust viewer",
  trust_editor: "Trust editor",
  trust_approver: "Trust approver",
  national_admin: "National admin",
  national_analyst: "National analyst",
  icb_viewer: "ICB viewer",
  region_viewer: "Region viewer",
};

/** Labels of the fields audit rows carry; a field not listed here is bookkeeping and not shown. */
const FIELD_LABELS: Record<string, string> = {
  level: "level",
  coveragePct: "coverage",
  usage: "usage",
  paperRetired: "paper retired",
  plannedGoLive: "planned go-live",
  measurementWindowStart: "measurement window start",
  measurementWindowEnd: "measurement window end",
  claimedLevel: "claimed level",
  claimReason: "claim reason",
  evidence: "evidence",
  notes: "notes",
  validationState: "validation",
  benefitMeasured: "benefit measured",
  title: "title",
  owner: "owner",
  metric: "metric",
  unit: "unit",
  direction: "direction",
  baseline: "baseline",
  target: "target",
  confidence: "confidence",
  status: "status",
  fullYearValueGbp: "full-year value",
  attributionPct: "attribution",
  doubleCountGroup: "double-count group",
  enablingFunctionalities: "enabling functionalities",
  targetLevel: "target level",
  targetDate: "target date",
  value: "value",
  source: "source",
  eprStatus: "EPR status",
  eprSupplier: "EPR supplier",
  eprProduct: "EPR product",
  role: "role",
  odsCode: "trust",
  icbCode: "ICB",
  region: "region",
  name: "name",
  email: "email",
  disabled: "disabled",
  effectiveFrom: "effective from",
  description: "description",
  comment: "comment",
};

const LEVEL_FIELDS = new Set(["level", "claimedLevel", "targetLevel"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isValues(v: unknown): v is Values {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** "2026-27-Q2" → "2026-27 Q2"; a year stays as it is. */
export function periodInWords(period: string): string {
  return period.replace(/-Q([1-4])$/, " Q$1");
}

/** "the 2026-27 Q2 " for a period key, or "the " when the key is not a period. */
function thePeriod(key: string): string {
  return /^\d{4}-\d{2}(-Q[1-4])?$/.test(key) ? `the ${periodInWords(key)} ` : "the ";
}

function levelInWords(v: unknown): string {
  if (typeof v !== "number") return "none";
  const level = toAdoptionLevel(v);
  return `${ADOPTION_LEVEL_LABELS[level]} (L${level})`;
}

function words(s: string): string {
  return s.replaceAll("_", " ");
}

/** One value in words, by the field it belongs to. */
function valueInWords(field: string, v: unknown, names: AuditNames): string {
  if (v === null || v === undefined || v === "") return "none";
  if (LEVEL_FIELDS.has(field)) return levelInWords(v);
  if (field === "role" && typeof v === "string") return ROLE_LABELS[v] ?? words(v);
  if (field === "odsCode" && typeof v === "string") return organisationInWords(v, names);
  if (field === "coveragePct" || field === "attributionPct")
    return typeof v === "number" ? formatPct(v) : "none";
  if (field === "usage") return typeof v === "number" ? formatPct(v) : "not reported";
  if (field === "fullYearValueGbp" && typeof v === "number") return `£${v.toLocaleString("en-GB")}`;
  if (field === "enablingFunctionalities" && Array.isArray(v))
    return v.length === 0 ? "none" : v.map((c) => functionalityInWords(String(c), names)).join(", ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return v.toLocaleString("en-GB");
  if (typeof v === "string") {
    if (UUID.test(v)) return "a record";
    return field === "notes" || field === "claimReason" || field === "comment" || field === "title"
      ? `“${v.length > 80 ? `${v.slice(0, 79)}…` : v}”`
      : words(dateInWords(v));
  }
  if (Array.isArray(v)) return v.length === 1 ? "1 item" : `${v.length} items`;
  if (isValues(v)) {
    // A baseline or target: its value and date.
    const parts = [v.value === undefined ? null : valueInWords("value", v.value, names)];
    if (typeof v.date === "string") parts.push(`by ${dateInWords(v.date)}`);
    const text = parts.filter((p) => p !== null).join(" ");
    return text === "" ? "set" : text;
  }
  return "set";
}

/** "ePMA (F10)", or the code alone when the name is unknown. */
export function functionalityInWords(code: string, names: AuditNames): string {
  if (UUID.test(code)) return "a functionality";
  const name = names.functionality?.(code);
  return name ? `${name} (${code})` : code;
}

function organisationInWords(odsCode: string, names: AuditNames): string {
  if (UUID.test(odsCode)) return "a trust";
  const name = names.organisation?.(odsCode);
  return name ? `${name} (${odsCode})` : odsCode;
}

/** Adds usage as a percentage from its numerator and denominator, so it reads as one value. */
function withUsage(v: Values): Values {
  if (!("usageNumerator" in v) && !("usageDenominator" in v)) return v;
  const n = typeof v.usageNumerator === "number" ? v.usageNumerator : null;
  const d = typeof v.usageDenominator === "number" ? v.usageDenominator : null;
  return { ...v, usage: usagePct(n, d) };
}

/** The labelled fields whose values differ, in words. */
export function changesInWords(before: unknown, after: unknown, names: AuditNames = {}): AuditChange[] {
  const a = isValues(before) ? withUsage(before) : {};
  const b = isValues(after) ? withUsage(after) : {};
  const changes: AuditChange[] = [];
  for (const [field, label] of Object.entries(FIELD_LABELS)) {
    if (!(field in a) && !(field in b)) continue;
    if (JSON.stringify(a[field] ?? null) === JSON.stringify(b[field] ?? null)) continue;
    const from = valueInWords(field, a[field], names);
    const to = valueInWords(field, b[field], names);
    if (from !== to) changes.push({ field: label, before: from, after: to });
  }
  return changes;
}

function membershipsInWords(v: unknown): string {
  if (!Array.isArray(v) || v.length === 0) return "none";
  return v
    .filter(isValues)
    .map((m) => {
      const from = typeof m.validFrom === "string" ? ` from ${dateInWords(m.validFrom)}` : "";
      const to = typeof m.validTo === "string" ? ` to ${dateInWords(m.validTo)}` : "";
      return `${String(m.icbCode ?? "an ICB")}${from}${to}`;
    })
    .join("; ");
}

function membershipChanges(before: unknown, after: unknown): AuditChange[] {
  const from = membershipsInWords(before);
  const to = membershipsInWords(after);
  return from === to ? [] : [{ field: "ICB membership", before: from, after: to }];
}

function listed(changes: AuditChange[], max = 3): string {
  const shown = changes.slice(0, max).map((c) => `${c.field} ${c.before} → ${c.after}`);
  const more = changes.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

function sentence(lead: string, changes: AuditChange[]): string {
  return changes.length > 0 ? `${lead} ${listed(changes)}` : lead;
}

function quoted(v: unknown): string {
  return typeof v === "string" && v !== "" && !UUID.test(v) ? ` “${v}”` : "";
}

function afterPart(key: string): string {
  const slash = key.indexOf("/");
  return slash < 0 ? key : key.slice(slash + 1);
}

const RETURN_VERBS: Record<string, string> = {
  submit: "Submitted",
  accept: "Accepted",
  sendBack: "Sent back",
  unlock: "Unlocked",
  withdraw: "Withdrew",
};

const DRAFT_EDITS: Record<string, string> = {
  details: "changed its name or effective date",
  tier: "changed a tier",
  functionality: "changed a functionality",
  addFunctionality: "added a functionality",
  removeFunctionality: "removed a functionality",
  criterion: "changed a criterion",
  addCriterion: "added a criterion",
  removeCriterion: "removed a criterion",
  benefitType: "changed a benefit type",
  removeBenefitType: "removed a benefit type",
  milestone: "changed a roadmap milestone",
  removeMilestone: "removed a roadmap milestone",
  crosswalk: "changed the crosswalk",
};

/** What each kind of record is called, for actions this describer has no sentence for. */
const ENTITY_NOUNS: Record<string, string> = {
  adoption_record: "an adoption record",
  benefit_line: "a benefit",
  plan_item: "a plan item",
  trust_return: "a return",
  organisation: "a trust's registry entry",
  user: "an account",
  framework_version: "the framework",
  snapshot: "the official figures",
  collection: "a collection",
  peer_group_set: "a peer-group set",
  epr_supplier: "an EPR supplier",
  system_client: "a system client",
};

const VERBS: Record<string, string> = {
  create: "Created",
  add: "Added",
  update: "Changed",
  remove: "Removed",
  delete: "Deleted",
  disable: "Disabled",
  enable: "Enabled",
  rename: "Renamed",
  revoke: "Revoked",
  reset: "Reset",
  password_reset: "Sent a password reset for",
  passwordReset: "Sent a password reset for",
};

function fallback(entry: AuditEntry, changes: AuditChange[]): string {
  const verb = VERBS[entry.action.split(".").at(-1) ?? ""] ?? "Changed";
  return sentence(`${verb} ${ENTITY_NOUNS[entry.entity] ?? "a record"}:`, changes).replace(/:$/, "");
}

function describeAdoption(entry: AuditEntry, names: AuditNames, changes: AuditChange[]): string {
  const fn = functionalityInWords(afterPart(entry.entityKey), names);
  switch (entry.action) {
    case "adoption.create":
      return sentence(`Recorded ${fn}:`, changes).replace(/:$/, "");
    case "adoption.confirm_unchanged":
      return `Confirmed ${fn} unchanged`;
    case "adoption.benefit_measured": {
      const measured = isValues(entry.after) && entry.after.benefitMeasured === true;
      const level = changes.find((c) => c.field === "level");
      const lead = measured
        ? `Marked a benefit measured for ${fn}`
        : `Marked ${fn} as having no measured benefit`;
      return level ? `${lead}: level ${level.before} → ${level.after}` : lead;
    }
    default:
      return sentence(`Changed ${fn}`, changes);
  }
}

function describeReturn(entry: AuditEntry): string {
  const verb = RETURN_VERBS[entry.action.slice("return.".length)] ?? "Changed";
  return `${verb} ${thePeriod(afterPart(entry.entityKey))}return`;
}

function describeFramework(entry: AuditEntry, after: Values, before: Values): string {
  const key = entry.entityKey.split("/")[0] ?? "";
  const version = /^\d+$/.test(key) ? `version ${key}` : "a version";
  if (entry.action === "framework.draft")
    return typeof after.copiedFrom === "number"
      ? `Started draft ${version} of the framework from version ${after.copiedFrom}`
      : `Started draft ${version} of the framework`;
  if (entry.action === "framework.publish") return `Published ${version} of the framework`;
  if (entry.action === "framework.retire") return `Retired ${version} of the framework`;
  if (entry.action === "framework.discard") return `Discarded draft ${version} of the framework`;
  if (entry.action.startsWith("framework.edit.")) {
    const what = DRAFT_EDITS[entry.action.slice("framework.edit.".length)] ?? "changed it";
    const subject = after.name ?? before.name ?? after.title ?? before.title;
    return `Edited draft ${version} of the framework: ${what}${quoted(subject)}`;
  }
  return `Changed ${version} of the framework`;
}

function describeAccount(entry: AuditEntry, after: Values, before: Values, changes: AuditChange[]): string {
  const who =
    typeof after.email === "string" ? after.email : typeof before.email === "string" ? before.email : null;
  const account = who ? `the account ${who}` : "an account";
  if (entry.action === "account.create") {
    const role = typeof after.role === "string" ? ` (${ROLE_LABELS[after.role] ?? words(after.role)})` : "";
    return `Created ${account}${role}`;
  }
  if (entry.action === "account.binding") return sentence(`Changed the role of ${account}:`, changes);
  return fallback(entry, changes).replace("an account", account);
}

/**
 * An audit row in words for people who read the log: "Changed ePMA (F10) usage 62% → 75%", "Sent back the
 * 2026-27 Q2 return", "Changed ICB membership". Never shows action codes, table names or record ids.
 *
 * Why: the audit log is read by trust leads and national analysts, not by the people who wrote the code.
 */
export function describeAuditEntry(entry: AuditEntry, names: AuditNames = {}): AuditDescription {
  const before = isValues(entry.before) ? entry.before : {};
  const after = isValues(entry.after) ? entry.after : {};
  const changes =
    entry.action === "organisation.icb_memberships"
      ? membershipChanges(entry.before, entry.after)
      : changesInWords(before, after, names);
  const trust = entry.odsCode ? organisationInWords(entry.odsCode, names) : null;
  const [area] = entry.action.split(".");
  let summary: string;
  switch (area) {
    case "adoption":
      summary = describeAdoption(entry, names, changes);
      break;
    case "return":
      summary = describeReturn(entry);
      break;
    case "framework":
      summary = describeFramework(entry, after, before);
      break;
    case "account":
      summary = describeAccount(entry, after, before, changes);
      break;
    default:
      summary = describeOther(entry, names, after, before, changes);
  }
  return { summary, trust, changes };
}

function describeOther(
  entry: AuditEntry,
  names: AuditNames,
  after: Values,
  before: Values,
  changes: AuditChange[],
): string {
  switch (entry.action) {
    case "snapshot.freeze":
      return `${isValues(entry.before) ? "Froze again" : "Froze"} ${thePeriod(entry.entityKey)}official figures`;
    case "collection.open": {
      const due = typeof after.dueOn === "string" ? ` (due ${dateInWords(after.dueOn)})` : "";
      return `Opened ${thePeriod(entry.entityKey)}collection${due}`;
    }
    case "benefit.create":
      return `Added the benefit${quoted(after.title)}`;
    case "benefit.update":
      return sentence(`Changed the benefit${quoted(after.title ?? before.title)}`, changes);
    case "benefit.actual":
    case "benefit.actual.import": {
      const period = typeof after.period === "string" ? ` for ${periodInWords(after.period)}` : "";
      const how = entry.action === "benefit.actual.import" ? "Imported" : "Recorded";
      const value = changes.find((c) => c.field === "value");
      return `${how} a benefit actual${period}${value ? `: ${value.before} → ${value.after}` : ""}`;
    }
    case "plan.create":
    case "plan.update":
    case "plan.remove": {
      const code = after.functionalityCode ?? before.functionalityCode;
      const fn = typeof code === "string" ? ` for ${functionalityInWords(code, names)}` : "";
      if (entry.action === "plan.create")
        return sentence(`Added a plan item${fn}:`, changes).replace(/:$/, "");
      if (entry.action === "plan.remove") return `Removed the plan item${fn}`;
      return sentence(`Changed the plan item${fn}`, changes);
    }
    case "organisation.epr":
      return sentence("Changed the EPR:", changes).replace(/:$/, "");
    case "organisation.icb_memberships":
      return "Changed ICB membership";
    case "peer_group_set.create":
      return `Created the peer-group set${quoted(after.name)}`;
    case "peer_group_set.update":
      return `Changed the peer-group set${quoted(after.name)}`;
    case "peer_group_set.delete":
      return `Deleted the peer-group set${quoted(before.name)}`;
    case "epr_supplier.create":
      return `Added the EPR supplier${quoted(after.name)}`;
    case "systemClient.create":
      return `Registered the system client${quoted(after.name)}`;
    case "systemClient.revoke":
      return `Revoked the system client${quoted(before.name ?? after.name)}`;
    default:
      return fallback(entry, changes);
  }
}
