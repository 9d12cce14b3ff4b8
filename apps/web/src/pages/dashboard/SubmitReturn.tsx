import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "nhsuk-react-components";
import { useEffect, useRef, useState } from "react";
import { ReturnChecklist } from "./ReturnChecklist";

/** What the approver keeps after submitting: the submission's number and the start of its digest. */
export interface Receipt {
  period: string;
  submission: number;
  digest: string;
}

/**
 * The approver's submission: "Submit return" opens the checklist and then the confirmation; submitting
 * stores the immutable copy and hands back its receipt.
 */
export function SubmitReturn({
  odsCode,
  period,
  onSubmitted,
}: {
  odsCode: string;
  period: string;
  onSubmitted: (receipt: Receipt) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  // contract: returns.submit; the trust and period come from the page, so nothing is typed to check.
  const form = useSchemaForm({ defaultValues: {} });
  const submit = useMutation(
    trpc.returns.submit.mutationOptions({
      onError: form.failed,
      onSuccess: (result) => {
        setAsking(false);
        onSubmitted({ period, submission: result.submission, digest: result.digest });
        return queryClient.invalidateQueries();
      },
    }),
  );
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  if (!asking) return <Button onClick={() => setAsking(true)}>Submit return for {period}</Button>;
  return (
    <div className="realise-question" tabIndex={-1} ref={question}>
      <ReturnChecklist odsCode={odsCode} period={period} />
      {submit.error && <FormErrorSummary {...form.summary} />}
      <form
        aria-labelledby="submit-question"
        onSubmit={form.onSubmit(() => submit.mutate({ odsCode, period }))}
        noValidate
      >
        <h3 id="submit-question">Submit the return for {period}?</h3>
        <p>
          A copy of your trust's adoption records, benefits register and plan as they are now is sent to the
          national team. Records are then locked until the national team accepts, returns or unlocks the
          return; you can withdraw the submission before it is reviewed.
        </p>
        <div className="realise-buttons">
          <Button type="submit" disabled={submit.isPending}>
            Yes, submit the return for {period}
          </Button>
          <Button type="button" secondary onClick={() => setAsking(false)}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
