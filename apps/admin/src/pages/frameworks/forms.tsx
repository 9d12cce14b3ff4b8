import { ErrorSummaryFor, formErrorsOf, issueMessagesOf, TRUST_TYPE_LABELS } from "@realise/ui";
import { Checkboxes } from "nhsuk-react-components";

/** Field errors keyed by the element id of the field ("functionality.thresholds.l3.coveragePct" → dashes). */
export type FieldErrors = Record<string, string>;

/** The id of the input for a server field path, so the error summary can link to it. */
export const fieldId = (path: string) => path.replace(/\./g, "-");

/** Errors from a zod parse in the browser, with the same paths the server would name. */
export function zodFieldErrors(
  error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> },
  prefix: string,
): FieldErrors {
  return issueMessagesOf(error.issues, (path) => fieldId([prefix, path].filter(Boolean).join(".")));
}

export interface Problems {
  fields: FieldErrors;
  /** Messages that belong to no one field (a conflict, a refused state). */
  general: string[];
  conflict: boolean;
}

export const noProblems: Problems = { fields: {}, general: [], conflict: false };

/** What a failed mutation means for the form: field errors, a conflict, or a plain message. */
export function problemsOf(error: unknown): Problems {
  const { fields, message, conflict } = formErrorsOf(error, fieldId);
  return { fields, general: message === null ? [] : [message], conflict };
}

/** The NHS error summary: each field error links to its field; other messages are listed plainly. */
export function ProblemSummary({
  problems,
  attempt,
  known,
}: {
  problems: Problems;
  attempt: number;
  /** Ids of fields on this page; errors for other fields are listed without a link. */
  known?: (id: string) => boolean;
}) {
  return (
    <ErrorSummaryFor
      errors={problems.fields}
      attempt={attempt}
      linked={known}
      messages={problems.general.map((m) =>
        problems.conflict ? `${m} Reload the page to see the latest version.` : m,
      )}
    />
  );
}

/** Trust-type checkboxes with one error for the group. */
export function TrustTypeChoice({
  id,
  legend,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  value: string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}) {
  return (
    <Checkboxes idPrefix={id} legend={legend} legendProps={{ size: "s" }} error={error}>
      {Object.entries(TRUST_TYPE_LABELS).map(([code, text], i) => (
        <Checkboxes.Item
          key={code}
          // The first box carries the field's id, so the error summary's link lands on the group.
          id={i === 0 ? id : `${id}-${code}`}
          value={code}
          checked={value.includes(code)}
          onChange={(e) =>
            onChange(e.currentTarget.checked ? [...value, code] : value.filter((v) => v !== code))
          }
        >
          {text}
        </Checkboxes.Item>
      ))}
    </Checkboxes>
  );
}

/** A number typed into a text box: empty or unparsable becomes NaN so the schema names the field. */
export const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
