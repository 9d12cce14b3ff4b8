import { Table } from "nhsuk-react-components";

/** A count table: the accessible twin of each chart. */
export function CountTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: { label: string; count: number }[];
}) {
  const total = rows.reduce((s, r) => s + r.count, 0);
  return (
    <Table caption={caption}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>{heading}</Table.Cell>
          <Table.Cell format="numeric">Trusts</Table.Cell>
          <Table.Cell format="numeric">Share</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.label}>
            <Table.Cell>{r.label}</Table.Cell>
            <Table.Cell format="numeric">{r.count}</Table.Cell>
            <Table.Cell format="numeric">
              {total ? `${Math.round((r.count / total) * 100)}%` : "–"}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
