import { AdoptionUpdateInput } from "@realise/api/contracts";
import type { Functionality } from "@realise/domain";
import { ConflictNotice, FormErrorSummary, LEVEL_LABELS, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Checkboxes, Fieldset, InsetText, Select, Textarea, TextInput } from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { fieldLabel, formatValue } from "../../changes";
import { pct } from "../../format";
import type { AdoptionRecordRow } from "../../types";
import type { SavedState } from "../dashboard/DashboardPage";
import { EvidenceFields } from "./EvidenceFields";
import {
  blankEvidenceRows,
  claimIssues,
  type FormValues,
  liveDerivation,
  type StoredValues,
  toFormValues,
} from "./form-values";

/** One functionality's measures, validated in the browser by the same rules the server applies. */
export function AdoptionForm({
  odsCode,
  functionality,
  record,
  readOnly,
}: {
  odsCode: string;
  functionality: Functionality;
  record: AdoptionRecordRow | undefined;
  readOnly: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The procedure's own contract: the form edits its `values`.
  const form = useSchemaForm<FormValues>({
    schema: AdoptionUpdateInput.shape.values,
    defaultValues: toFormValues(record),
    serverPath: "values",
  });
  const [version, setVersion] = useState(record?.version ?? 0);
  const benefitMeasured = record?.benefitMeasured ?? false;
  const values = form.form.watch();
  const derived = liveDerivation(functionality, values, benefitMeasured);
  const n = values.usageNumerator;
  const d = values.usageDenominator;
  const usage =
    typeof n === "number" && typeof d === "number" && Number.isFinite(n) && d > 0 ? (n / d) * 100 : null;

  const update = useMutation(
    trpc.adoption.update.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        const state: SavedState = {
          saved: {
            functionality: functionality.name,
            level: LEVEL_LABELS[result.record.level] ?? `L${result.record.level}`,
            attainedTier: result.attainedTier,
          },
        };
        navigate(`/trusts/${odsCode}/dashboard`, { state });
      },
      onError: form.failed,
    }),
  );

  const send = form.onSubmit((input) => {
    const issues = claimIssues(functionality, input, benefitMeasured);
    for (const issue of issues) form.reject(issue.name as keyof FormValues, issue.message);
    if (issues.length > 0) return;
    update.mutate({
      odsCode,
      functionalityCode: functionality.code,
      expectedVersion: version,
      values: input,
    });
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Blank evidence rows are rows nobody meant to add: drop them before the schema sees them.
    const blank = blankEvidenceRows(form.form.getValues("evidence"));
    if (blank.length > 0)
      form.form.setValue(
        "evidence",
        form.form.getValues("evidence").filter((_, i) => !blank.includes(i)),
      );
    return send(event);
  };

  const loadLatest = (current: StoredValues & { version: number }) => {
    form.form.reset(toFormValues(current));
    setVersion(current.version);
    form.clearConflict();
    void queryClient.invalidateQueries();
  };

  const claimed = typeof values.claimedLevel === "number" ? values.claimedLevel : null;

  return (
    <>
      <FormErrorSummary {...form.summary} />
      {form.conflict && (
        <ConflictNotice
          conflict={
            form.conflict as { current: (StoredValues & { version: number }) | null; changedFields: string[] }
          }
          yours={values}
          fieldLabel={fieldLabel}
          formatValue={formatValue}
          onLoadLatest={loadLatest}
        />
      )}
      <form onSubmit={onSubmit} noValidate aria-label={`${functionality.name} measures`}>
        <fieldset className="realise-plain-fieldset" disabled={readOnly}>
          <TextInput
            {...form.field("coveragePct", "optionalNumber")}
            label="Coverage (%)"
            hint={`${functionality.coverage.label}, from 0 to 100`}
            inputMode="decimal"
            width={4}
            suffix="%"
          />
          <Fieldset aria-describedby="usage-hint">
            <Fieldset.Legend size="s">Usage</Fieldset.Legend>
            <div className="nhsuk-hint" id="usage-hint">
              {functionality.usage.label}: a count over the measurement window. Currently {pct(usage)}.
            </div>
            <TextInput
              {...form.field("usageNumerator", "optionalNumber")}
              label="Usage numerator"
              hint={functionality.usage.numerator}
              inputMode="numeric"
              width={10}
            />
            <TextInput
              {...form.field("usageDenominator", "optionalNumber")}
              label="Usage denominator"
              hint={functionality.usage.denominator}
              inputMode="numeric"
              width={10}
            />
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend size="s">Measurement window</Fieldset.Legend>
            <div className="realise-filters">
              <TextInput
                {...form.field("measurementWindowStart", "optionalText")}
                type="date"
                width={10}
                label="Measurement window start"
              />
              <TextInput
                {...form.field("measurementWindowEnd", "optionalText")}
                type="date"
                width={10}
                label="Measurement window end"
              />
            </div>
          </Fieldset>
          <Checkboxes legend="Paper process" legendProps={{ size: "s" }} error={form.errorOf("paperRetired")}>
            <Checkboxes.Item {...form.checkbox("paperRetired")} hint={functionality.paperRetiredMeans}>
              Paper retired
            </Checkboxes.Item>
          </Checkboxes>
          <TextInput
            {...form.field("plannedGoLive", "optionalText")}
            type="date"
            width={10}
            label="Planned go-live date"
            hint="For a functionality not yet live anywhere in the trust"
          />
          <InsetText>
            <div aria-live="polite" aria-atomic="true" id="derived-level">
              <p>
                <strong>Level from these measures: {LEVEL_LABELS[derived.level]}</strong>
              </p>
              <p>
                {derived.reason} <span className="nhsuk-body-s">(rule {derived.rule})</span>
              </p>
            </div>
          </InsetText>
          <EvidenceFields form={form} readOnly={readOnly} />
          <Textarea
            {...form.field("notes")}
            label="Notes"
            hint="Anything a validator should know: how you measured, known gaps"
            rows={4}
          />
          <Select
            {...form.field("claimedLevel", "optionalNumber")}
            label="Claimed level (optional)"
            hint="Only if you believe the level is different from what the measures show"
          >
            <Select.Option value="">No claim: use the level from the measures</Select.Option>
            {[0, 1, 2, 3, 4, 5].map((l) => (
              <Select.Option key={l} value={String(l)}>
                {LEVEL_LABELS[l]}
              </Select.Option>
            ))}
          </Select>
          <Textarea
            {...form.field("claimReason", "optionalText")}
            label="Claim reason"
            hint={
              claimed !== null && claimed > derived.level
                ? `Required: your claim (${LEVEL_LABELS[claimed]}) is above the level the measures show (${LEVEL_LABELS[derived.level]}). A validator will weigh it.`
                : "Required only when the claimed level is above the level the measures show"
            }
            rows={3}
          />
          {!readOnly && (
            <div className="realise-buttons">
              <Button type="submit" disabled={update.isPending}>
                Save
              </Button>
              <Link to={`/trusts/${odsCode}/dashboard`} className="nhsuk-link">
                Cancel and go back to the dashboard
              </Link>
            </div>
          )}
        </fieldset>
      </form>
    </>
  );
}
