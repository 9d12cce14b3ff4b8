import type { SchemaForm } from "@realise/ui";
import { Button, Fieldset, TextInput } from "nhsuk-react-components";
import { useFieldArray } from "react-hook-form";
import { type FormValues, MAX_EVIDENCE } from "./form-values";

/** Evidence links as label + address rows, added and removed one at a time (at most 20). */
export function EvidenceFields({ form, readOnly }: { form: SchemaForm<FormValues>; readOnly: boolean }) {
  // `fields` carry a stable key per row, so removing one row never moves another's typing.
  const rows = useFieldArray({ control: form.form.control, name: "evidence" });
  const listError = form.errorOf("evidence");
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
      {rows.fields.length === 0 && <p>No evidence linked yet.</p>}
      {rows.fields.map((row, i) => (
        <div key={row.id} className="realise-evidence-row">
          <TextInput {...form.field(`evidence.${i}.label`)} label={`Evidence ${i + 1} label`} width={20} />
          <TextInput
            {...form.field(`evidence.${i}.url`)}
            type="url"
            label={`Evidence ${i + 1} web address`}
            width={30}
            spellCheck={false}
          />
          {!readOnly && (
            <div className="nhsuk-form-group">
              <Button secondary small type="button" onClick={() => rows.remove(i)}>
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
          disabled={rows.fields.length >= MAX_EVIDENCE}
          onClick={() => rows.append({ label: "", url: "" })}
        >
          {rows.fields.length >= MAX_EVIDENCE
            ? `At most ${MAX_EVIDENCE} evidence links`
            : "Add an evidence link"}
        </Button>
      )}
    </Fieldset>
  );
}
