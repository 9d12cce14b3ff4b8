import { LoadError, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Table, Tag, type TagProps } from "nhsuk-react-components";
import { useState } from "react";
import { formatDate, formatDateTime, plural } from "../../format";
import type { Collection, DashboardData } from "../../types";
import { type Receipt, SubmitReturn } from "./SubmitReturn";
import { WithdrawReturn } from "./WithdrawReturn";

const STATUS: Record<string, { text: string; colour: TagProps["modifier"] }> = {
  submitted: { text: "Submitted, awaiting validation", colour: "blue" },
  accepted: { text: "Accepted", colour: "green" },
  returned: { text: "Returned to the trust", colour: "red" },
  unlocked: { text: "Unlocked", colour: "yellow" },
  withdrawn: { text: "Withdrawn by the trust", colour: "grey" },
};

/** The states from which the trust can submit (again). */
const SUBMITTABLE = new Set(["returned", "unlocked", "withdrawn"]);

/** When the current quarter's return is due, in words. */
function DueDate({ collection }: { collection: Collection }) {
  const days = collection.daysUntilDue;
  if (collection.phase === "upcoming")
    return (
      <p>
        The collection for {collection.period} opens on {formatDate(collection.opensOn)}; the return is due by{" "}
        {formatDate(collection.dueOn)}.
      </p>
    );
  if (collection.phase === "overdue")
    return (
      <p>
        The return for {collection.period} was due on {formatDate(collection.dueOn)},{" "}
        <strong>{plural(-days, "day")} ago</strong>.
      </p>
    );
  return (
    <p>
      The return for {collection.period} is due by {formatDate(collection.dueOn)} (
      {days === 0 ? "due today" : `${plural(days, "day")} left`}).
    </p>
  );
}

/**
 * The return for the current period: when it is due, its state, the approver's submit (checklist, then
 * confirmation, then a receipt) and withdraw, and the trust's past returns.
 */
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
  const collections = useQuery(trpc.collections.list.queryOptions());
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const period = data.currentPeriod;
  const current = data.returns.find((r) => r.period === period);
  const collection = collections.data?.find((c) => c.period === period);
  // A submission awaiting review, this quarter's first: the one the approver can still take back.
  const awaiting =
    current?.status === "submitted" ? current : data.returns.find((r) => r.status === "submitted");
  const submittable =
    !data.locked &&
    collection !== undefined &&
    collection.phase !== "upcoming" &&
    (!current || SUBMITTABLE.has(current.status));
  const status = current ? STATUS[current.status] : undefined;
  return (
    <section aria-labelledby="return-heading">
      <h2 id="return-heading">Return for {period}</h2>
      {collections.error && <LoadError error={collections.error} />}
      {collections.data &&
        (collection ? <DueDate collection={collection} /> : <p>No collection is open for {period}.</p>)}
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
      {receipt && awaiting?.period === receipt.period && (
        <div className="nhsuk-inset-text" role="status">
          <p>
            <strong>Return for {receipt.period} submitted.</strong> Submission {receipt.submission}, reference{" "}
            <span className="realise-reference">{receipt.digest.slice(0, 12)}</span>. Keep the reference: the
            national team can quote it.
          </p>
        </div>
      )}
      {canSubmit && submittable && (
        <SubmitReturn odsCode={odsCode} period={period} onSubmitted={setReceipt} />
      )}
      {canSubmit && awaiting && (
        <WithdrawReturn odsCode={odsCode} submitted={awaiting} onWithdrawn={() => setReceipt(null)} />
      )}
      {!canSubmit && submittable && <p>Your trust's approver (the CIO or a deputy) submits the return.</p>}
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
