import { BenefitLineSchema, periodOf, previousPeriod } from "@realise/domain";
import { FormErrorSummary, type FormSchema, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, TextInput, WarningCallout } from "nhsuk-react-components";
import { useState } from "react";
import { formatNumber, type RegisterLine } from "./format";

// contract: benefits.recordActual (period and value as the domain's actual; the source is checked by the server)
const ActualSchema = BenefitLineSchema.shape.actuals.element.pick({ period: true, value: true });

interface ActualValues {
  period: string;
  value: number;
  /** Optional; not part of the domain's actual, so the server checks it and its message lands here. */
  source: string | null;
}

/** The actual already recorded for the period, when the server refused to replace it unconfirmed. */
function replacedActual(error: unknown): { period: string; value: number } | null {
  const data = (error as { data?: { code?: string; conflict?: { current?: unknown } } }).data;
  const current =
    data?.code === "CONFLICT" ? (data.conflict?.current as Record<string, unknown> | null) : null;
  if (
    !current ||
    typeof current.value !== "number" ||
    typeof current.period !== "string" ||
    "title" in current
  )
    return null;
  return { period: current.period, value: current.value };
}

/** Record (or correct) the actual for a period, at the version read. */
export function RecordActual({ odsCode, line }: { odsCode: string; line: RegisterLine }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const due = previousPeriod(periodOf(new Date(), "quarter"));
  const empty: ActualValues = { period: due, value: null as unknown as number, source: null };
  const form = useSchemaForm<ActualValues, Pick<ActualValues, "period" | "value">>({
    schema: ActualSchema as unknown as FormSchema<Pick<ActualValues, "period" | "value">, ActualValues>,
    defaultValues: empty,
  });
  const [saved, setSaved] = useState<string | null>(null);
  // A period that already has an actual is replaced only once the person confirms.
  const [replacing, setReplacing] = useState<{
    period: string;
    value: number;
    source: string | null;
    old: number;
  } | null>(null);
  const record = useMutation(
    trpc.benefits.recordActual.mutationOptions({
      onSuccess: async (_result, input) => {
        setReplacing(null);
        setSaved(
          input.replace
            ? `The actual for ${input.period} was replaced. The history keeps the old value.`
            : `The actual for ${input.period} was recorded.`,
        );
        form.form.reset(empty);
        await queryClient.invalidateQueries();
      },
      onError: (error, input) => {
        setReplacing(null);
        // The period already has an actual: the server says so (after its lock and version checks), and the
        // person confirms before it is replaced.
        const current = replacedActual(error);
        if (current && current.period === input.period && !input.replace) {
          setReplacing({
            period: input.period,
            value: input.value,
            source: input.source ?? null,
            old: current.value,
          });
          return;
        }
        form.failed(error);
        // The page then shows their change, to enter the actual against.
        void queryClient.invalidateQueries();
      },
    }),
  );
  const onSubmit = form.onSubmit(({ period, value }) => {
    setSaved(null);
    const source = form.form.getValues("source")?.trim() || null;
    record.mutate({ odsCode, id: line.id, expectedVersion: line.version, period, value, source });
  });
  const confirmReplace = () => {
    if (!replacing) return;
    const { period, value, source } = replacing;
    record.mutate({
      odsCode,
      id: line.id,
      expectedVersion: line.version,
      period,
      value,
      source,
      replace: true,
    });
  };
  return (
    <section aria-labelledby="h-record">
      <h2 id="h-record">Record an actual</h2>
      {saved && (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      )}
      <FormErrorSummary {...form.summary} />
      {form.conflict && (
        <WarningCallout>
          <WarningCallout.Heading>Someone else changed this benefit</WarningCallout.Heading>
          <p>The page now shows their change; enter the actual again.</p>
        </WarningCallout>
      )}
      {replacing && (
        <WarningCallout>
          <WarningCallout.Heading>Replace the actual for {replacing.period}?</WarningCallout.Heading>
          <p>
            {replacing.period} already has an actual of {formatNumber(replacing.old)} {line.unit}. Replace it
            with {formatNumber(replacing.value)} {line.unit}? The history keeps the old value.
          </p>
          <div className="nhsuk-button-group">
            <Button type="button" warning disabled={record.isPending} onClick={confirmReplace}>
              Yes, replace it
            </Button>
            <Button type="button" secondary onClick={() => setReplacing(null)}>
              Keep {formatNumber(replacing.old)}
            </Button>
          </div>
        </WarningCallout>
      )}
      <form onSubmit={onSubmit} noValidate aria-label="Record an actual">
        <TextInput
          {...form.field("period")}
          label="Period"
          hint={`A quarter or a financial year, for example ${due} or ${periodOf(new Date(), "year")}`}
          width={10}
        />
        <TextInput
          {...form.field("value", "number")}
          label={`Actual value (${line.unit})`}
          inputMode="decimal"
          width={10}
        />
        <TextInput {...form.field("source", "optionalText")} label="Source (optional)" />
        <Button type="submit" disabled={record.isPending}>
          Record the actual
        </Button>
      </form>
    </section>
  );
}
