import {
  type AdoptionInput,
  checkClaim,
  deriveAdoptionLevel,
  type Functionality,
  type LevelDerivation,
  measuresFromInput,
} from "@realise/domain";

/** The form's values: the procedure's own input (`adoption.update`'s `values`). */
export type FormValues = AdoptionInput;

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

export function toFormValues(stored: StoredValues | null | undefined): FormValues {
  return {
    coveragePct: stored?.coveragePct ?? null,
    usageNumerator: stored?.usageNumerator ?? null,
    usageDenominator: stored?.usageDenominator ?? null,
    measurementWindowStart: stored?.measurementWindowStart ?? null,
    measurementWindowEnd: stored?.measurementWindowEnd ?? null,
    paperRetired: stored?.paperRetired ?? false,
    plannedGoLive: stored?.plannedGoLive ?? null,
    claimedLevel: (stored?.claimedLevel ?? null) as FormValues["claimedLevel"],
    claimReason: stored?.claimReason ?? null,
    evidence: (stored?.evidence ?? []).map((e) => ({ label: e.label, url: e.url })),
    notes: stored?.notes ?? "",
  };
}

/** A row left completely blank is a row nobody meant to add: its index, to drop before checking. */
export const blankEvidenceRows = (evidence: ReadonlyArray<{ label: string; url: string }>) =>
  evidence.flatMap((e, i) => (e.label.trim() === "" && e.url.trim() === "" ? [i] : []));

/**
 * The claim rule the server applies after the schema: a claim above the derived level needs a
 * reason. Its issues name the form's own fields ("claimReason").
 */
export const claimIssues = (functionality: Functionality, input: AdoptionInput, benefitMeasured: boolean) =>
  checkClaim(functionality, input, { benefitMeasured }).issues.map((i) => ({
    name: i.path.map(String).join("."),
    message: i.message,
  }));

const finite = (n: number | null | undefined) => (typeof n === "number" && Number.isFinite(n) ? n : null);

/** The level the typed measures derive right now, whatever else on the form is unfinished. */
export function liveDerivation(
  functionality: Functionality,
  values: Partial<FormValues>,
  benefitMeasured: boolean,
): LevelDerivation {
  const denominator = finite(values.usageDenominator);
  const numerator = finite(values.usageNumerator);
  const usable = numerator !== null && denominator !== null && denominator > 0;
  return deriveAdoptionLevel(
    functionality,
    measuresFromInput(
      {
        coveragePct: finite(values.coveragePct),
        usageNumerator: usable ? numerator : null,
        usageDenominator: usable ? denominator : null,
        paperRetired: values.paperRetired ?? false,
        plannedGoLive: /^\d{4}-\d{2}-\d{2}$/.test(values.plannedGoLive ?? "")
          ? (values.plannedGoLive ?? null)
          : null,
      },
      benefitMeasured,
    ),
  );
}
