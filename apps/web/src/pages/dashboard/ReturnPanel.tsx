import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Table, Tag, type TagProps } from "nhsuk-react-components";
import { useEffect, useRef, useState } from "react";
import { formatDateTime } from "../../format";
import type { DashboardData } from "../../types";

const STATUS: Record<string, { text: string; colour: TagProps["modifier"] }> = {
  submitted: { text: "Submitted, awaiting validation", colour: "blue" },
  accepted: { text: "Accepted", colour: "green" },
  returned: { text: "Returned to the trust", colour: "red" },
  unlocked: { text: "Unlocked", colour: "yellow" },
};

/** The return for the current period: its state, and the approver's submit with a confirmation step. */
export function ReturnPanel({
  data,
  odsCode,
  canSubmit,
}: {
  data: DashboardData;
  odsCode: string;
  canSubmit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLFormElement>(null);
  // contract: returns.submit; the trust and period come from the page, so nothing is typed to check.
  const form = useSchemaForm({ defaultValues: {} });
  const period = data.currentPeriod;
  const current = data.returns.find((r) => r.period === period);
  const submit = useMutation(
    trpc.returns.submit.mutationOptions({
      onError: form.failed,
      onSuccess: () => {
        setAsking(false);
        return queryClient.invalidateQueries();
      },
    }),
  );
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  const open = !data.locked && (!current || current.status === "returned" || current.status === "unlocked");
  const status = current ? STATUS[current.status] : undefined;
  return (
    <section aria-labelledby="return-heading">
      <h2 id="return-heading">Return for {period}</h2>
      <p>
        {current ? (
          <>
            <Tag modifier={status?.colour ?? "grey"}>{status?.text ?? current.status}</Tag>{" "}
            {current.submittedBy
              ? `Submitted by ${current.submittedBy} on ${formatDateTime(current.submittedAt)}.`
              : ""}
            {current.comment ? ` National team's comment: ${current.comment}` : ""}
          </>
        ) : (
          <>
            <Tag modifier="grey">Not submitted</Tag> Your trust has not submitted its return for {period}.
          </>
        )}
      </p>
      {submit.error && <FormErrorSummary {...form.summary} />}
      {canSubmit && open && !asking && (
        <Button onClick={() => setAsking(true)}>Submit return for {period}</Button>
      )}
      {canSubmit && open && asking && (
        <form
          className="realise-question"
          tabIndex={-1}
          ref={question}
          aria-labelledby="submit-question"
          onSubmit={form.onSubmit(() => submit.mutate({ odsCode, period }))}
        >
          <p id="submit-question">
            Submit the return for {period}? Your trust's current values are sent to the national team, and
            records are locked until the national team accepts, returns or unlocks the return.
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
      )}
      {!canSubmit && open && <p>Your trust's approver (the CIO or a deputy) submits the return.</p>}
      {data.returns.length > 0 && (
        <Table caption="Your trust's returns">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Period</Table.Cell>
              <Table.Cell>State</Table.Cell>
              <Table.Cell>Submitted</Table.Cell>
              <Table.Cell>Decided</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.returns.map((r) => (
              <Table.Row key={r.period}>
                <Table.Cell>{r.period}</Table.Cell>
                <Table.Cell>{STATUS[r.status]?.text ?? r.status}</Table.Cell>
                <Table.Cell>
                  {formatDateTime(r.submittedAt)}
                  {r.submittedBy ? ` by ${r.submittedBy}` : ""}
                </Table.Cell>
                <Table.Cell>
                  {r.decidedAt
                    ? `${formatDateTime(r.decidedAt)}${r.decidedBy ? ` by ${r.decidedBy}` : ""}`
                    : "–"}
                  {r.comment ? `: ${r.comment}` : ""}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
