import { Empty, LoadError, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Table } from "nhsuk-react-components";
import { describeEntry } from "../../changes";
import { formatDateTime } from "../../format";
import type { DashboardData } from "../../types";

/** The trust's latest changes, from the audit log. */
export function RecentChanges({ data, odsCode }: { data: DashboardData; odsCode: string }) {
  const trpc = useTRPC();
  const changes = useQuery(trpc.adoption.recentChanges.queryOptions({ odsCode, limit: 15 }));
  const fnNames = new Map(data.framework.functionalities.map((f) => [f.code, f.name]));
  const names = {
    functionality: (code: string) => fnNames.get(code),
    organisation: (ods: string) => (ods === data.organisation.odsCode ? data.organisation.name : undefined),
  };
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">Recent changes</h2>
      {changes.isPending && <Loading what="recent changes" />}
      {changes.error && <LoadError error={changes.error} />}
      {changes.data?.length === 0 && <Empty>Nobody has changed this trust's records yet.</Empty>}
      {changes.data && changes.data.length > 0 && (
        <Table caption="Latest changes to your trust's records, newest first">
          <Table.Head>
            <Table.Row>
              <Table.Cell>When</Table.Cell>
              <Table.Cell>Who</Table.Cell>
              <Table.Cell>What</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {changes.data.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{formatDateTime(c.at)}</Table.Cell>
                <Table.Cell>{c.actorEmail ?? "System"}</Table.Cell>
                <Table.Cell>{describeEntry(c, names)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
