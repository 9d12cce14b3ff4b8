import { Empty, LoadError, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Table } from "nhsuk-react-components";
import { describeAuditEntry } from "@realise/domain";
import { describeChanges } from "../../changes";
import { formatDateTime } from "../../format";

const ACTIONS: Record<string, string> = {
  "adoption.create": "Recorded",
  "adoption.update": "Changed",
  "adoption.confirm_unchanged": "Confirmed unchanged",
};

/** Every change to one record, newest first: when, who, and each changed field before → after. */
export function RecordHistory({ odsCode, code }: { odsCode: string; code: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.adoption.history.queryOptions({ odsCode, functionalityCode: code }));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History of this record</h2>
      {history.isPending && <Loading what="the history" />}
      {history.error && <LoadError error={history.error} />}
      {history.data?.length === 0 && <Empty>Nobody has changed this record since it was first loaded.</Empty>}
      {history.data && history.data.length > 0 && (
        <Table caption="Changes to this record, newest first">
          <Table.Head>
            <Table.Row>
              <Table.Cell>When</Table.Cell>
              <Table.Cell>Who</Table.Cell>
              <Table.Cell>What changed</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {history.data.map((row) => {
              const changes = describeChanges(row.before, row.after);
              return (
                <Table.Row key={row.id}>
                  <Table.Cell>{formatDateTime(row.at)}</Table.Cell>
                  <Table.Cell>{row.actorEmail ?? "System"}</Table.Cell>
                  <Table.Cell>
                    {ACTIONS[row.action] ?? describeAuditEntry(row).summary}
                    {row.action !== "adoption.confirm_unchanged" &&
                      changes.length === 0 &&
                      ": no value changed"}
                    {row.action !== "adoption.confirm_unchanged" && changes.length > 0 && (
                      <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                        {changes.map((c) => (
                          <li key={c.field}>
                            {c.label}: {row.before ? `${c.before} → ${c.after}` : c.after}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
