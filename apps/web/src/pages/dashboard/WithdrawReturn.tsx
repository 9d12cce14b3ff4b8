import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "nhsuk-react-components";
import { useEffect, useRef, useState } from "react";
import type { ReturnRow } from "../../types";

/** The approver takes back a submission the national team has not reviewed yet, after a confirmation. */
export function WithdrawReturn({
  odsCode,
  submitted,
  onWithdrawn,
}: {
  odsCode: string;
  submitted: ReturnRow;
  onWithdrawn: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLFormElement>(null);
  // contract: returns.withdraw; the trust, period and version come from the page.
  const form = useSchemaForm({ defaultValues: {} });
  const withdraw = useMutation(
    trpc.returns.withdraw.mutationOptions({
      onError: (error) => {
        form.failed(error);
        // Reviewed meanwhile: show the state the national team left it in.
        void queryClient.invalidateQueries();
      },
      onSuccess: () => {
        setAsking(false);
        onWithdrawn();
        return queryClient.invalidateQueries();
      },
    }),
  );
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  const { period } = submitted;
  return (
    <>
      {withdraw.error && <FormErrorSummary {...form.summary} />}
      {asking ? (
        <form
          className="realise-question"
          tabIndex={-1}
          ref={question}
          aria-labelledby="withdraw-question"
          onSubmit={form.onSubmit(() =>
            withdraw.mutate({ odsCode, period, expectedVersion: submitted.version }),
          )}
          noValidate
        >
          <p id="withdraw-question">
            Withdraw the submission for {period}? The national team will no longer review it, records unlock,
            and you will need to submit the return again before it is due.
          </p>
          <div className="realise-buttons">
            <Button type="submit" disabled={withdraw.isPending}>
              Yes, withdraw the submission
            </Button>
            <Button type="button" secondary onClick={() => setAsking(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button secondary onClick={() => setAsking(true)}>
          Withdraw submission
        </Button>
      )}
    </>
  );
}
