import {
  type AdoptionInput,
  AdoptionInputSchema,
  checkClaim,
  deriveAdoptionLevel,
  type Functionality,
  type LevelDerivation,
  measuresFromInput,
} from "@realise/domain";

/** The form as typed: text for numbers and dates, so a half-typed value is kept and reported, not lost. */
export interface FormValues {
  coveragePct: string;
  usageNumerator: string;
  usageDenominator: string;
  measurementWindowStart: string;
  measurementWindowEnd: string;
  paperRetired: boolean;
  plannedGoLive: string;
  evidence: Array<{ key: number; label: string; url: string }>;
  notes: string;
  claimedLevel: string;
  claimReason: string;
}

export const MAX_EVIDENCE = 20;

/** The stored fields the form edits (a stored record or a conflict's current values). */
export interface StoredValues {
  coveragePct: number | null;
  usageNumerator: number | null;
  usageDenominator: number | null;
  measurementWindowStart: string | null;
  measurementWindowEnd: string | null;
  paperRetired: boolean;
  plannedGoLive: string | null;
  claimedLevel: number | null;
  claimReason: string | null;
  evidence: Array<{ label: string; url: string }>;
  notes: string;
}

let nextKey = 1;
/** A stable key per evidence row, so removing one row never moves another's typing. */
export const evidenceRow = (label = "", url = "") => ({ key: nextKey++, label, url });

const text = (v: number | string | null | undefined) => (v == null ? "" : String(v));

export function toFormValues(stored: StoredValues | null | undefined): FormValues {
  return {
    coveragePct: text(stored?.coveragePct),
    usageNumerator: text(stored?.usageNumerator),
    usageDenominator: text(stored?.usageDenominator),
    measurementWindowStart: text(stored?.measurementWindowStart),
    measurementWindowEnd: text(stored?.measurementWindowEnd),
    paperRetired: stored?.paperRetired ?? false,
    plannedGoLive: text(stored?.plannedGoLive),
    evidence: (stored?.evidence ?? []).map((e) => evidenceRow(e.label, e.url)),
    notes: stored?.notes ?? "",
    claimedLevel: text(stored?.claimedLevel),
    claimReason: stored?.claimReason ?? "",
  };
}

/** Empty is "not measured" (null); anything else is a number, or NaN for the schema to name. */
const num = (s: string) => (s.trim() === "" ? null : Number(s.trim()));
const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** The API's input from the form, before validation (the schema decides what is acceptable). */
export function toInput(v: FormValues) {
  return {
    coveragePct: num(v.coveragePct),
    usageNumerator: num(v.usageNumerator),
    usageDenominator: num(v.usageDenominator),
    measurementWindowStart: orNull(v.measurementWindowStart),
    measurementWindowEnd: orNull(v.measurementWindowEnd),
    paperRetired: v.paperRetired,
    plannedGoLive: orNull(v.plannedGoLive),
    claimedLevel: num(v.claimedLevel),
    claimReason: orNull(v.claimReason),
    // A row left completely blank is a row nobody meant to add.
    evidence: v.evidence
      .filter((e) => e.label.trim() !== "" || e.url.trim() !== "")
      .map((e) => ({ label: e.label, url: e.url })),
    notes: v.notes,
  };
}

/** The id of the form control an issue path points at: ["evidence", 0, "url"] → "evidence-0-url". */
export const fieldId = (path: ReadonlyArray<PropertyKey>) => path.map(String).join("-") || "form";

/**
 * Blank evidence rows are not sent, so an issue's evidence index counts sent rows; point it back at the
 * row on screen.
 */
function onScreen(path: ReadonlyArray<PropertyKey>, values: FormValues): PropertyKey[] {
  if (path[0] !== "evidence" || path.length < 2) return [...path];
  const sent = values.evidence.flatMap((e, i) => (e.label.trim() !== "" || e.url.trim() !== "" ? [i] : []));
  const index = Number(path[1]);
  return ["evidence", sent[index] ?? index, ...path.slice(2)];
}

export type FieldErrors = Map<string, string>;

/** Controls in page order, so the error summary lists problems in the order people meet them. */
const ORDER = [
  "coveragePct",
  "usageNumerator",
  "usageDenominator",
  "measurementWindowStart",
  "measurementWindowEnd",
  "paperRetired",
  "plannedGoLive",
  "evidence",
  "notes",
  "claimedLevel",
  "claimReason",
];
const rank = (id: string) => {
  const i = ORDER.findIndex((f) => id === f || id.startsWith(`${f}-`));
  return i === -1 ? ORDER.length : i;
};

/** Whether an id names a control on the form (else the message is listed without a link). */
export const isFormField = (id: string) => rank(id) < ORDER.length;

function ordered(entries: Array<[string, string]>): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const [id, message] of [...entries].sort((a, b) => rank(a[0]) - rank(b[0]))) {
    if (!errors.has(id)) errors.set(id, message);
  }
  return errors;
}

/**
 * Validate exactly as the server will: the same schema, then the same claim rule against this
 * functionality's thresholds.
 */
export function validate(
  functionality: Functionality,
  values: FormValues,
  benefitMeasured: boolean,
): { input: AdoptionInput; errors?: undefined } | { input?: undefined; errors: FieldErrors } {
  const parsed = AdoptionInputSchema.safeParse(toInput(values));
  if (!parsed.success) {
    return {
      errors: ordered(parsed.error.issues.map((i) => [fieldId(onScreen(i.path, values)), i.message])),
    };
  }
  const claim = checkClaim(functionality, parsed.data, { benefitMeasured });
  if (claim.issues.length > 0) {
    return { errors: ordered(claim.issues.map((i) => [fieldId(i.path), i.message])) };
  }
  return { input: parsed.data };
}

/** The server's field messages (paths like "values.coveragePct"), keyed by the form's control ids. */
export function serverFieldErrors(fieldErrors: Record<string, string>, values: FormValues): FieldErrors {
  return ordered(
    Object.entries(fieldErrors).map(([path, message]) => [
      fieldId(
        onScreen(
          path
            .replace(/^values\.?/, "")
            .split(".")
            .filter(Boolean),
          values,
        ),
      ),
      message,
    ]),
  );
}

const finite = (n: number | null) => (n !== null && Number.isFinite(n) ? n : null);

/** The level the typed measures derive right now, whatever else on the form is unfinished. */
export function liveDerivation(
  functionality: Functionality,
  values: FormValues,
  benefitMeasured: boolean,
): LevelDerivation {
  const input = toInput(values);
  const denominator = finite(input.usageDenominator);
  const numerator = finite(input.usageNumerator);
  const usable = numerator !== null && denominator !== null && denominator > 0;
  return deriveAdoptionLevel(
    functionality,
    measuresFromInput(
      {
        coveragePct: finite(input.coveragePct),
        usageNumerator: usable ? numerator : null,
        usageDenominator: usable ? denominator : null,
        paperRetired: input.paperRetired,
        plannedGoLive: /^\d{4}-\d{2}-\d{2}$/.test(input.plannedGoLive ?? "") ? input.plannedGoLive : null,
      },
      benefitMeasured,
    ),
  );
}
