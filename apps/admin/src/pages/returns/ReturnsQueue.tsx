import { Empty, Loading, label, TRUST_TYPE_LABELS, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Select, Table } from "nhsuk-react-components";
import { Link, useSearchParams } from "react-router";
import { CsvLink } from "../national/CsvLink";
import { periodSlug } from "../national/filters";
import { ViewError } from "../national/ViewError";
import { formatDateTime } from "@realise/ui";

const STATUSES = {
  submitted: "Awaiting validation",
  accepted: "Accepted",
  returned: "Sent back",
  unlocked: "Unlocked",
} as const;
type Status = keyof typeof STATUSES;

/** Returns to validate, by period and state; the filter lives in the URL. */
export default function ReturnsQueue() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const periods = useQuery(trpc.returns.periods.queryOptions());
  const period = params.get("period") ?? "";
  const status = (params.get("status") as Status | null) ?? "submitted";
  const queue = useQuery(
    trpc.returns.queue.queryOptions({
      ...(period ? { period } : {}),
      status: status in STATUSES ? status : "submitted",
    }),
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <>
      <h1>Returns</h1>
      <p className="nhsuk-lede-text">
        Trusts' submitted returns for each period. Open one to compare it with the previous period, then
        accept it or send it back with a comment.
      </p>
      <form className="realise-filters" aria-label="Filter returns" onSubmit={(e) => e.preventDefault()}>
        <Select
          id="period"
          label="Period"
          value={period}
          onChange={(e) => set("period", e.currentTarget.value)}
        >
          <Select.Option value="">All periods</Select.Option>
          {periods.data?.map((p) => (
            <Select.Option key={p.period} value={p.period}>
              {p.period} ({p.submitted} awaiting)
            </Select.Option>
          ))}
        </Select>
        <Select
          id="status"
          label="State"
          value={status}
          onChange={(e) => set("status", e.currentTarget.value === "submitted" ? "" : e.currentTarget.value)}
        >
          {Object.entries(STATUSES).map(([value, text]) => (
            <Select.Option key={value} value={value}>
              {text}
            </Select.Option>
          ))}
        </Select>
      </form>
      {queue.isPending ? (
        <Loading what="returns" />
      ) : queue.error ? (
        <ViewError error={queue.error} />
      ) : queue.data.length === 0 ? (
        <Empty>
          No returns are {STATUSES[status]?.toLowerCase() ?? "here"}
          {period ? ` for ${period}` : ""}.
        </Empty>
      ) : (
        <Table caption={`${STATUSES[status]}${period ? ` for ${period}` : ""} (${queue.data.length})`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Trust</Table.Cell>
              <Table.Cell>Period</Table.Cell>
              <Table.Cell>Type</Table.Cell>
              <Table.Cell>Region</Table.Cell>
              <Table.Cell>Submitted</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {queue.data.map((r) => (
              <Table.Row key={`${r.odsCode}/${r.period}`}>
                <Table.Cell>
                  <Link to={`/returns/${r.odsCode}/${periodSlug(r.period)}`}>
                    {r.name} ({r.odsCode})
                  </Link>
                </Table.Cell>
                <Table.Cell>{r.period}</Table.Cell>
                <Table.Cell>{label(TRUST_TYPE_LABELS, r.trustType)}</Table.Cell>
                <Table.Cell>{r.region}</Table.Cell>
                <Table.Cell>
                  {formatDateTime(r.submittedAt)} by {r.submittedBy ?? "unknown"}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {queue.data && queue.data.length > 0 && (
        <CsvLink table="returns" what="the returns listed, with when and by whom each was submitted" />
      )}
    </>
  );
}
