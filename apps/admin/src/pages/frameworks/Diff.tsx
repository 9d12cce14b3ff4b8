import { Empty, LoadError, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Table } from "nhsuk-react-components";
import { Link, useSearchParams } from "react-router";

/** What changed between two framework versions, and the crosswalk between them. */
export function Diff() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const from = Number(params.get("from"));
  const to = Number(params.get("to"));
  const valid = Number.isInteger(from) && Number.isInteger(to) && from >= 1 && to >= 1;
  const diff = useQuery({ ...trpc.frameworks.diff.queryOptions({ from, to }), enabled: valid });
  if (!valid) return <LoadError error={{ message: "Choose two versions to compare" }} />;
  if (diff.isPending) return <Loading what="the comparison" />;
  if (diff.error) return <LoadError error={diff.error} />;
  const { diff: d, crosswalk } = diff.data;
  const values = (c: { fields: string[]; values: Array<{ path: string; before: string; after: string }> }) =>
    c.values.length > 0
      ? c.values.map((v) => `${v.path}: ${v.before} → ${v.after}`).join("; ")
      : `Changed: ${c.fields.join(", ")}`;
  const sections: Array<{ id: string; title: string; rows: Array<[string, string]> }> = [
    {
      id: "functionalities",
      title: "Functionalities",
      rows: [
        ...d.added.map((a): [string, string] => [`${a.code} ${a.name}`, "Added"]),
        ...d.removed.map((a): [string, string] => [`${a.code} ${a.name}`, "Removed"]),
        ...d.renamed.map((r): [string, string] => [
          `${r.from} ${r.fromName}`,
          `Renamed to ${r.to} ${r.toName}${r.values.length > 1 ? `; ${values({ ...r, fields: [], values: r.values.filter((v) => v.path !== "code") })}` : ""}`,
        ]),
        ...d.changed.map((c): [string, string] => [c.code, values(c)]),
      ],
    },
    {
      id: "criteria",
      title: "Criteria",
      rows: [
        ...d.criteriaChanged.added.map((id): [string, string] => [id, "Added"]),
        ...d.criteriaChanged.removed.map((id): [string, string] => [id, "Removed"]),
        ...d.criteriaChanged.changed.map((c): [string, string] => [c.id, values(c)]),
      ],
    },
    {
      id: "tiers",
      title: "Tiers",
      rows: d.tiersChanged.map((t): [string, string] => [
        `Tier ${t.number}`,
        t.values.length > 0 ? values(t) : t.fields.join(", "),
      ]),
    },
    {
      id: "benefit-types",
      title: "Benefit types",
      rows: [
        ...d.benefitTypesChanged.added.map((c): [string, string] => [c, "Added"]),
        ...d.benefitTypesChanged.removed.map((c): [string, string] => [c, "Removed"]),
        ...d.benefitTypesChanged.changed.map((c): [string, string] => [c.code, values(c)]),
      ],
    },
    {
      id: "milestones",
      title: "Milestones",
      rows: [
        ...d.milestonesChanged.added.map((c): [string, string] => [c, "Added"]),
        ...d.milestonesChanged.removed.map((c): [string, string] => [c, "Removed"]),
        ...d.milestonesChanged.changed.map((c): [string, string] => [c.id, values(c)]),
      ],
    },
  ];
  const renames = crosswalk?.entries.filter((e) => e.kind !== "kept") ?? [];
  return (
    <>
      <p>
        <Link to="/frameworks">All framework versions</Link>
      </p>
      <h1>
        Changes from version {from} to version {to}
      </h1>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`diff-${s.id}`}>
          <h2 id={`diff-${s.id}`}>{s.title}</h2>
          {s.rows.length === 0 ? (
            <Empty>No change.</Empty>
          ) : (
            <Table caption={`${s.title} changed between version ${from} and ${to}`}>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Item</Table.Cell>
                  <Table.Cell>Change (before → after)</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {s.rows.map(([item, change]) => (
                  <Table.Row key={`${item}-${change}`}>
                    <Table.Cell>{item}</Table.Cell>
                    <Table.Cell>{change}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </section>
      ))}
      <h2>Crosswalk</h2>
      {!crosswalk ? (
        <Empty>
          Version {to} has no crosswalk from version {from}.
        </Empty>
      ) : renames.length === 0 ? (
        <Empty>Every functionality of version {from} was kept.</Empty>
      ) : (
        <Table caption={`Functionalities not simply kept from version ${from}`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>From</Table.Cell>
              <Table.Cell>What happened</Table.Cell>
              <Table.Cell>To</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {renames.map((e) => (
              <Table.Row key={e.from.join(",")}>
                <Table.Cell>{e.from.join(", ")}</Table.Cell>
                <Table.Cell>{e.kind}</Table.Cell>
                <Table.Cell>{e.to.join(", ") || "–"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
