import { formatDate, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Table, Tag } from "nhsuk-react-components";
import { Link } from "react-router";
import { Problem } from "../../components/Problem";

const KIND_LABELS: Record<string, string> = {
  functionality: "Functionality",
  tier: "Tier",
  benefit_line: "Benefit line",
  plan_item: "Plan item",
};

/** What colleagues assigned to me, and whether each is reviewed for this quarter. */
export default function MyWorkPage() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.assignments.mine.queryOptions());
  if (mine.isPending) return <Loading what="your work" />;
  if (mine.error) return <Problem error={mine.error} what="your work" />;
  const { items, period } = mine.data;
  const open = items.filter((i) => !i.reviewed).length;
  return (
    <>
      <h1>My work</h1>
      <p>
        {items.length === 0
          ? "Nothing is assigned to you."
          : `${items.length} ${items.length === 1 ? "thing is" : "things are"} assigned to you; ${open} not yet reviewed for ${period}.`}
      </p>
      {items.length > 0 && (
        <Table caption={`Assigned to you (${period})`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>What</Table.Cell>
              <Table.Cell>Kind</Table.Cell>
              <Table.Cell>Assigned by</Table.Cell>
              <Table.Cell>This quarter</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((i) => (
              <Table.Row key={`${i.kind}/${i.key}`}>
                <Table.Cell>
                  <Link to={i.path}>{i.what}</Link>
                </Table.Cell>
                <Table.Cell>{KIND_LABELS[i.kind] ?? i.kind}</Table.Cell>
                <Table.Cell>
                  {i.assignedBy} on {formatDate(i.assignedAt)}
                </Table.Cell>
                <Table.Cell>
                  {i.reviewed ? <Tag modifier="green">Reviewed</Tag> : <Tag modifier="orange">To review</Tag>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
