import { BarChart, Empty, LoadError, Loading, TRUST_TYPE_LABELS, label, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Table } from "nhsuk-react-components";
import { Link } from "react-router";
import { useVersion } from "./useVersion";

/** How many trusts would move tier if the draft were published now, by trust type. */
export function DraftEffect() {
  const trpc = useTRPC();
  const { version, valid } = useVersion();
  const effect = useQuery({ ...trpc.frameworks.effect.queryOptions({ version }), enabled: valid });
  if (!valid) return <LoadError error={{ message: "Version must be a whole number" }} />;
  if (effect.isPending) return <Loading what="the effect of the draft" />;
  if (effect.error) return <LoadError error={effect.error} />;
  const e = effect.data;
  const rows = e.byTrustType.map((t) => ({ ...t, name: label(TRUST_TYPE_LABELS, t.trustType) }));
  return (
    <>
      <p>
        <Link to={`/frameworks/${version}`}>Back to draft version {version}</Link>
      </p>
      <h1>
        <span className="nhsuk-caption-l">Draft version {version}</span>
        Effect on trusts
      </h1>
      <p className="nhsuk-lede-text" aria-live="polite">
        If published now, {e.up} trusts would move up a tier, {e.down} would move down and {e.same} would stay
        where they are (of {e.trusts}, compared with version {e.fromVersion}).
      </p>
      <p>
        Each trust's current records are carried through the draft's crosswalk, their levels derived again
        under the draft's thresholds, and the trust assessed against the draft's criteria.
      </p>
      <BarChart
        title="Trusts whose tier would change, by trust type"
        categories={rows.map((r) => r.name)}
        series={[
          { name: "Up", values: rows.map((r) => r.up) },
          { name: "Down", values: rows.map((r) => r.down) },
        ]}
      />
      <Table caption="Tier change by trust type">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Trust type</Table.Cell>
            <Table.Cell format="numeric">Trusts</Table.Cell>
            <Table.Cell format="numeric">Up</Table.Cell>
            <Table.Cell format="numeric">Same</Table.Cell>
            <Table.Cell format="numeric">Down</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.trustType}>
              <Table.Cell>{r.name}</Table.Cell>
              <Table.Cell format="numeric">{r.trusts}</Table.Cell>
              <Table.Cell format="numeric">{r.up}</Table.Cell>
              <Table.Cell format="numeric">{r.same}</Table.Cell>
              <Table.Cell format="numeric">{r.down}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.Cell>
              <strong>All trusts</strong>
            </Table.Cell>
            <Table.Cell format="numeric">{e.trusts}</Table.Cell>
            <Table.Cell format="numeric">{e.up}</Table.Cell>
            <Table.Cell format="numeric">{e.same}</Table.Cell>
            <Table.Cell format="numeric">{e.down}</Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
      <h2>Trusts that would change tier</h2>
      {e.changes.length === 0 ? (
        <Empty>No trust would change tier.</Empty>
      ) : (
        <Table
          caption={`Trusts that would change tier (${e.changes.length}, largest change first)`}
          responsive
        >
          <Table.Head>
            <Table.Row>
              <Table.Cell>Trust</Table.Cell>
              <Table.Cell>Type</Table.Cell>
              <Table.Cell format="numeric">Tier now</Table.Cell>
              <Table.Cell format="numeric">Tier under the draft</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {e.changes.slice(0, 100).map((c) => (
              <Table.Row key={c.odsCode}>
                <Table.Cell>
                  {c.name} ({c.odsCode})
                </Table.Cell>
                <Table.Cell>{label(TRUST_TYPE_LABELS, c.trustType)}</Table.Cell>
                <Table.Cell format="numeric">{c.from}</Table.Cell>
                <Table.Cell format="numeric">{c.to}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <h2>Records the crosswalk would not carry</h2>
      {e.notCarried.length === 0 ? (
        <Empty>Every record would be carried into the draft.</Empty>
      ) : (
        <Table caption="Records not carried, by old functionality code">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Code</Table.Cell>
              <Table.Cell format="numeric">Records</Table.Cell>
              <Table.Cell>Why</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {e.notCarried.map((n) => (
              <Table.Row key={n.functionalityCode}>
                <Table.Cell>{n.functionalityCode}</Table.Cell>
                <Table.Cell format="numeric">{n.records}</Table.Cell>
                <Table.Cell>{n.reason}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <p>
        <Link to={`/frameworks/${version}/publish`}>Go to publish</Link>
      </p>
    </>
  );
}
