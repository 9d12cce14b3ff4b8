import { BenefitLineSchema, periodOf, previousPeriod } from "@realise/domain";
import { FormErrorSummary, type FormSchema, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, TextInput, WarningCallout } from "nhsuk-react-components";
import { useState } from "react";
import type { RegisterLine } from "./format";

// contract: benefits.recordActual (period and value as the domain's actual; the source is checked by the server)
const ActualSchema = BenefitLineSchema.shape.actuals.element.pick({ period: true, value: true });

interface ActualValues {
  period: string;
  value: number;
  /** Optional; not part of the domain's actual, so the server checks it and its message lands here. */
  source: string | null;
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
  const record = useMutation(
    trpc.benefits.recordActual.mutationOptions({
      onSuccess: async (_result, input) => {
        setSaved(`The actual for ${input.period} was recorded.`);
        form.form.reset(empty);
        await queryClient.invalidateQueries();
      },
      onError: (error) => {
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
