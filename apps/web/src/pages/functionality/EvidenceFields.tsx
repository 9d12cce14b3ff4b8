import { Button, Fieldset, TextInput } from "nhsuk-react-components";
import { evidenceRow, type FieldErrors, type FormValues, MAX_EVIDENCE } from "./form-values";

type Row = FormValues["evidence"][number];

/** Evidence links as label + address rows, added and removed one at a time (at most 20). */
export function EvidenceFields({
  rows,
  onChange,
  errors,
  readOnly,
}: {
  rows: Row[];
  onChange(rows: Row[]): void;
  errors: FieldErrors;
  readOnly: boolean;
}) {
  const edit = (key: number, patch: Partial<Row>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const listError = errors.get("evidence");
  return (
    <Fieldset aria-describedby="evidence-hint">
      <Fieldset.Legend size="s">Evidence links</Fieldset.Legend>
      <div className="nhsuk-hint" id="evidence-hint">
        Links to reports, audits or dashboards that show these measures, up to {MAX_EVIDENCE}.
      </div>
      {listError && (
        <p className="nhsuk-error-message" id="evidence">
          <span className="nhsuk-u-visually-hidden">Error:</span> {listError}
        </p>
      )}
      {rows.length === 0 && <p>No evidence linked yet.</p>}
      {rows.map((row, i) => (
        <div key={row.key} className="realise-evidence-row">
          <TextInput
            id={`evidence-${i}-label`}
            label={`Evidence ${i + 1} label`}
            width={20}
            value={row.label}
            onChange={(e) => edit(row.key, { label: e.currentTarget.value })}
            error={errors.get(`evidence-${i}-label`)}
          />
          <TextInput
            id={`evidence-${i}-url`}
            type="url"
            label={`Evidence ${i + 1} web address`}
            width={30}
            spellCheck={false}
            value={row.url}
            onChange={(e) => edit(row.key, { url: e.currentTarget.value })}
            error={errors.get(`evidence-${i}-url`)}
          />
          {!readOnly && (
            <div className="nhsuk-form-group">
              <Button
                secondary
                small
                type="button"
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                Remove evidence {i + 1}
              </Button>
            </div>
          )}
        </div>
      ))}
      {!readOnly && (
        <Button
          secondary
          type="button"
          disabled={rows.length >= MAX_EVIDENCE}
          onClick={() => onChange([...rows, evidenceRow()])}
        >
          {rows.length >= MAX_EVIDENCE ? `At most ${MAX_EVIDENCE} evidence links` : "Add an evidence link"}
        </Button>
      )}
    </Fieldset>
  );
}
