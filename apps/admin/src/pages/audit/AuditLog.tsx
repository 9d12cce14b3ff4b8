import {
  AUDIT_AREAS,
  AUDIT_EXPORT_LIMIT,
  type AuditArea,
  type AuditSearchInput,
} from "@realise/api/contracts";
import { Empty, formatDateTime, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Select, Table, TextInput } from "nhsuk-react-components";
import type { FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { CsvLink } from "../national/CsvLink";
import { ViewError } from "../national/ViewError";
import { ChainStatus } from "./ChainStatus";

const FILTERS = ["odsCode", "actor", "action", "from", "to"] as const;
const PAGE_SIZE = 25;

/** The search the URL holds, so a filtered log can be shared and the back button works. */
function searchOf(params: URLSearchParams): AuditSearchInput {
  const input: AuditSearchInput = { pageSize: PAGE_SIZE };
  const odsCode = params.get("odsCode");
  const actor = params.get("actor");
  const action = params.get("action");
  const from = params.get("from");
  const to = params.get("to");
  const cursor = params.get("cursor");
  if (odsCode) input.odsCode = odsCode;
  if (actor) input.actor = actor;
  if (action && action in AUDIT_AREAS) input.action = action as AuditArea;
  if (from) input.from = from;
  if (to) input.to = to;
  if (cursor) input.cursor = cursor;
  return input;
}

/** Every change in the nation, newest first: who changed what, when, and the values before → after. */
export default function AuditLog() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const input = searchOf(params);
  const log = useQuery(trpc.audit.search.queryOptions(input));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of FILTERS) {
      const value = String(data.get(key) ?? "").trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  const older = (cursor: string) => {
    const next = new URLSearchParams(params);
    next.set("cursor", cursor);
    return `?${next.toString()}`;
  };
  const newest = () => {
    const next = new URLSearchParams(params);
    next.delete("cursor");
    const query = next.toString();
    return query ? `?${query}` : "?";
  };

  return (
    <>
      <h1>Audit log</h1>
      <p className="nhsuk-body">
        Every change made in Realise, in every trust and in the national administration, newest first: who
        made it, when, and the values before and after.
      </p>
      <ChainStatus />
      <form className="realise-filters" aria-label="Filter the audit log" onSubmit={onSubmit}>
        <TextInput
          id="odsCode"
          name="odsCode"
          label="Trust ODS code"
          defaultValue={params.get("odsCode") ?? ""}
          width={5}
        />
        <TextInput
          id="actor"
          name="actor"
          label="Changed by (email or part of it)"
          defaultValue={params.get("actor") ?? ""}
          width={20}
        />
        <Select id="action" name="action" label="Kind of change" defaultValue={params.get("action") ?? ""}>
          <Select.Option value="">Every kind</Select.Option>
          {Object.entries(AUDIT_AREAS).map(([key, label]) => (
            <Select.Option key={key} value={key}>
              {label}
            </Select.Option>
          ))}
        </Select>
        <TextInput id="from" name="from" type="date" label="From" defaultValue={params.get("from") ?? ""} />
        <TextInput id="to" name="to" type="date" label="To" defaultValue={params.get("to") ?? ""} />
        <Button type="submit">Search</Button>
      </form>
      {log.isPending ? (
        <Loading what="the audit log" />
      ) : log.error ? (
        <ViewError error={log.error} />
      ) : log.data.entries.length === 0 ? (
        <Empty>No change matches this search.</Empty>
      ) : (
        <>
          <Table caption={`${log.data.entries.length} changes, newest first`}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>When</Table.Cell>
                <Table.Cell>Who</Table.Cell>
                <Table.Cell>Trust</Table.Cell>
                <Table.Cell>Change</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {log.data.entries.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>{formatDateTime(e.at)}</Table.Cell>
                  <Table.Cell>{e.actor}</Table.Cell>
                  <Table.Cell>{e.trust ?? "National"}</Table.Cell>
                  <Table.Cell>
                    {e.summary}
                    {e.changes.length > 3 ? (
                      <ul className="nhsuk-list nhsuk-u-font-size-16 nhsuk-u-margin-bottom-0">
                        {e.changes.map((c) => (
                          <li key={c.field}>
                            {c.field}: {c.before} → {c.after}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <p className="nhsuk-body-s realise-no-print">
            The download holds every change that matches the search, not only this page: the newest{" "}
            {AUDIT_EXPORT_LIMIT.toLocaleString("en-GB")} at most (the file name says so when it stops there).
          </p>
          <CsvLink table="audit-log" what="the changes matching the search, newest first" />
          <nav className="nhsuk-pagination" aria-label="Pages of the audit log">
            <ul className="nhsuk-list nhsuk-pagination__list">
              {input.cursor ? (
                <li className="nhsuk-pagination-item--previous">
                  <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" to={newest()}>
                    <span className="nhsuk-pagination__title">Newest changes</span>
                  </Link>
                </li>
              ) : null}
              {log.data.nextCursor ? (
                <li className="nhsuk-pagination-item--next">
                  <Link
                    className="nhsuk-pagination__link nhsuk-pagination__link--next"
                    to={older(log.data.nextCursor)}
                  >
                    <span className="nhsuk-pagination__title">Older changes</span>
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        </>
      )}
    </>
  );
}
