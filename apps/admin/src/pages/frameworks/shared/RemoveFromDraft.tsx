import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useQueryClient } from "@tanstack/react-query";
import { Button, WarningCallout } from "nhsuk-react-components";
import { type ReactNode, useState } from "react";
import { useNavigate } from "react-router";

/**
 * Remove (or discard) something from a draft, asked twice: the first press says what will go and
 * offers the real button, so one slip of the keyboard never deletes. `remove` runs the mutation with
 * the handlers given; on success the framework queries refresh and the page goes to `then`.
 */
export function RemoveFromDraft({
  label,
  warning,
  then,
  thenState,
  pending,
  remove,
}: {
  /** The button's words, e.g. "Remove functionality F47". */
  label: string;
  /** What removing means, shown before the second press. */
  warning: ReactNode;
  /** Where to go once removed. */
  then: string;
  /** Router state for that page, e.g. a notice to show. */
  thenState?: unknown;
  pending: boolean;
  remove: (handlers: { onSuccess: () => Promise<void>; onError: (error: unknown) => void }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useSchemaForm({ defaultValues: {} });
  const [asked, setAsked] = useState(false);
  const handlers = {
    onSuccess: async () => {
      await queryClient.invalidateQueries(trpc.frameworks.pathFilter());
      navigate(then, { state: thenState });
    },
    onError: (error: unknown) => {
      setAsked(false);
      form.failed(error);
    },
  };
  return (
    <section aria-label={label} className="nhsuk-u-margin-top-7">
      <FormErrorSummary {...form.summary} />
      {asked ? (
        <WarningCallout>
          <WarningCallout.Heading>{label}?</WarningCallout.Heading>
          <p>{warning}</p>
          <Button warning disabled={pending} onClick={() => remove(handlers)}>
            Yes, {label.charAt(0).toLowerCase()}
            {label.slice(1)}
          </Button>{" "}
          <Button secondary onClick={() => setAsked(false)}>
            Cancel
          </Button>
        </WarningCallout>
      ) : (
        <Button secondary onClick={() => setAsked(true)}>
          {label}
        </Button>
      )}
    </section>
  );
}
