import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "nhsuk-react-components";
import { useEffect, useRef, useState } from "react";
import { plural } from "../../format";

/**
 * "Nothing changed in this tier": one click, one confirmation, and every record of the tier is stamped as
 * reviewed now (with an audit row each) without retyping a value.
 */
export function ConfirmTier({ odsCode, tier, records }: { odsCode: string; tier: number; records: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  // contract: adoption.confirmTier; the trust and tier come from the page, so nothing is typed to check.
  const form = useSchemaForm({ defaultValues: {} });
  const confirm = useMutation(
    trpc.adoption.confirmTier.mutationOptions({
      onError: form.failed,
      onSuccess: () => {
        setAsking(false);
        // Versions moved on: the form must not offer stale ones.
        return queryClient.invalidateQueries();
      },
    }),
  );

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (confirm.isSuccess) done.current?.focus();
  }, [confirm.isSuccess]);

  if (records === 0) return null;
  return (
    <div className="realise-confirm">
      {confirm.error && <FormErrorSummary {...form.summary} />}
      {confirm.data && !asking && (
        <p className="realise-done" role="status" tabIndex={-1} ref={done}>
          Confirmed {plural(confirm.data.confirmed, "record")} of tier {tier} as unchanged.
        </p>
      )}
      {asking ? (
        <form
          className="realise-question"
          tabIndex={-1}
          ref={question}
          aria-labelledby={`confirm-${tier}-question`}
          onSubmit={form.onSubmit(() => confirm.mutate({ odsCode, tier }))}
        >
          <p id={`confirm-${tier}-question`}>
            Confirm that the {plural(records, "record")} of tier {tier} are still right? This records that you
            reviewed them today; no value changes.
          </p>
          <div className="realise-buttons">
            <Button type="submit" disabled={confirm.isPending}>
              Yes, confirm tier {tier} unchanged
            </Button>
            <Button type="button" secondary onClick={() => setAsking(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button secondary onClick={() => setAsking(true)}>
          Confirm tier {tier} unchanged
        </Button>
      )}
    </div>
  );
}
