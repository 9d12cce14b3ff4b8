import type { Functionality } from "@realise/domain";
import { fieldErrorsOf, LEVEL_LABELS, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Fieldset,
  InsetText,
  Select,
  Textarea,
  TextInput,
} from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { pct } from "../../format";
import type { AdoptionRecordRow } from "../../types";
import type { SavedState } from "../dashboard/DashboardPage";
import { type Conflict, ConflictNotice } from "./ConflictNotice";
import { EvidenceFields } from "./EvidenceFields";
import {
  type FieldErrors,
  type FormValues,
  isFormField,
  liveDerivation,
  serverFieldErrors,
  type StoredValues,
  toFormValues,
  toInput,
  validate,
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
  const [values, setValues] = useState<FormValues>(() => toFormValues(record));
  const [version, setVersion] = useState(record?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [attempt, setAttempt] = useState(0);
  const benefitMeasured = record?.benefitMeasured ?? false;
  const derived = liveDerivation(functionality, values, benefitMeasured);
  const input = toInput(values);
  const usage =
    input.usageNumerator !== null &&
    input.usageDenominator !== null &&
    Number.isFinite(input.usageNumerator) &&
    input.usageDenominator > 0
      ? (input.usageNumerator / input.usageDenominator) * 100
      : null;

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
      onError: (error) => {
        const data = error instanceof TRPCClientError ? (error.data as Record<string, unknown>) : undefined;
        if (data?.code === "CONFLICT" && data.conflict) {
          setConflict(data.conflict as Conflict);
          return;
        }
        const fields = serverFieldErrors(fieldErrorsOf(error), values);
        setErrors(fields);
        setProblem(fields.size > 0 ? null : error.message);
      },
    }),
  );

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setProblem(null);
    setConflict(null);
    const checked = validate(functionality, values, benefitMeasured);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors(new Map());
    update.mutate({
      odsCode,
      functionalityCode: functionality.code,
      expectedVersion: version,
      values: checked.input,
    });
  };

  const loadLatest = (current: StoredValues & { version: number }) => {
    setValues(toFormValues(current));
    setVersion(current.version);
    setConflict(null);
    setErrors(new Map());
    void queryClient.invalidateQueries();
  };

  const err = (id: string) => errors.get(id);
  const claimed = values.claimedLevel === "" ? null : Number(values.claimedLevel);

  return (
    <>
      {(errors.size > 0 || problem) && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
          <ErrorSummary.List>
            {[...errors].map(([id, message]) =>
              isFormField(id) ? (
                <ErrorSummary.ListItem key={id} href={`#${id}`}>
                  {message}
                </ErrorSummary.ListItem>
              ) : (
                <li key={id}>{message}</li>
              ),
            )}
            {problem && <li>{problem}</li>}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {conflict && <ConflictNotice conflict={conflict} yours={input} onLoadLatest={loadLatest} />}
      <form onSubmit={onSubmit} noValidate aria-label={`${functionality.name} measures`}>
        <fieldset className="realise-plain-fieldset" disabled={readOnly}>
          <TextInput
            id="coveragePct"
            label="Coverage (%)"
            hint={`${functionality.coverage.label}, from 0 to 100`}
            inputMode="decimal"
            width={4}
            suffix="%"
            value={values.coveragePct}
            onChange={(e) => set("coveragePct", e.currentTarget.value)}
            error={err("coveragePct")}
          />
          <Fieldset aria-describedby="usage-hint">
            <Fieldset.Legend size="s">Usage</Fieldset.Legend>
            <div className="nhsuk-hint" id="usage-hint">
              {functionality.usage.label}: a count over the measurement window. Currently {pct(usage)}.
            </div>
            <TextInput
              id="usageNumerator"
              label="Usage numerator"
              hint={functionality.usage.numerator}
              inputMode="numeric"
              width={10}
              value={values.usageNumerator}
              onChange={(e) => set("usageNumerator", e.currentTarget.value)}
              error={err("usageNumerator")}
            />
            <TextInput
              id="usageDenominator"
              label="Usage denominator"
              hint={functionality.usage.denominator}
              inputMode="numeric"
              width={10}
              value={values.usageDenominator}
              onChange={(e) => set("usageDenominator", e.currentTarget.value)}
              error={err("usageDenominator")}
            />
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend size="s">Measurement window</Fieldset.Legend>
            <div className="realise-filters">
              <TextInput
                id="measurementWindowStart"
                type="date"
                width={10}
                label="Measurement window start"
                value={values.measurementWindowStart}
                onChange={(e) => set("measurementWindowStart", e.currentTarget.value)}
                error={err("measurementWindowStart")}
              />
              <TextInput
                id="measurementWindowEnd"
                type="date"
                width={10}
                label="Measurement window end"
                value={values.measurementWindowEnd}
                onChange={(e) => set("measurementWindowEnd", e.currentTarget.value)}
                error={err("measurementWindowEnd")}
              />
            </div>
          </Fieldset>
          <Checkboxes legend="Paper process" legendProps={{ size: "s" }} error={err("paperRetired")}>
            <Checkboxes.Item
              id="paperRetired"
              checked={values.paperRetired}
              onChange={(e) => set("paperRetired", e.currentTarget.checked)}
              hint={functionality.paperRetiredMeans}
            >
              Paper retired
            </Checkboxes.Item>
          </Checkboxes>
          <TextInput
            id="plannedGoLive"
            type="date"
            width={10}
            label="Planned go-live date"
            hint="For a functionality not yet live anywhere in the trust"
            value={values.plannedGoLive}
            onChange={(e) => set("plannedGoLive", e.currentTarget.value)}
            error={err("plannedGoLive")}
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
          <EvidenceFields
            rows={values.evidence}
            onChange={(rows) => set("evidence", rows)}
            errors={errors}
            readOnly={readOnly}
          />
          <Textarea
            id="notes"
            label="Notes"
            hint="Anything a validator should know: how you measured, known gaps"
            rows={4}
            value={values.notes}
            onChange={(e) => set("notes", e.currentTarget.value)}
            error={err("notes")}
          />
          <Select
            id="claimedLevel"
            label="Claimed level (optional)"
            hint="Only if you believe the level is different from what the measures show"
            value={values.claimedLevel}
            onChange={(e) => set("claimedLevel", e.currentTarget.value)}
            error={err("claimedLevel")}
          >
            <Select.Option value="">No claim: use the level from the measures</Select.Option>
            {[0, 1, 2, 3, 4, 5].map((l) => (
              <Select.Option key={l} value={String(l)}>
                {LEVEL_LABELS[l]}
              </Select.Option>
            ))}
          </Select>
          <Textarea
            id="claimReason"
            label="Claim reason"
            hint={
              claimed !== null && claimed > derived.level
                ? `Required: your claim (${LEVEL_LABELS[claimed]}) is above the level the measures show (${LEVEL_LABELS[derived.level]}). A validator will weigh it.`
                : "Required only when the claimed level is above the level the measures show"
            }
            rows={3}
            value={values.claimReason}
            onChange={(e) => set("claimReason", e.currentTarget.value)}
            error={err("claimReason")}
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
