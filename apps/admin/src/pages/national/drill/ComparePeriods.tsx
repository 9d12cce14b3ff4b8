import type { RouterOutputs } from "@realise/api";
import { BarChart, Empty, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { comparePeriods as byPeriod } from "@realise/domain";
import { Select, Table } from "nhsuk-react-components";
import { Link } from "react-router";
import { CsvLink } from "../CsvLink";
import { useNationalFilter } from "../filters";
import "../national.css";
import { Scroll } from "../Scroll";
import { ViewError } from "../ViewError";

type Comparison = RouterOutputs["national"]["comparePeriods"];

const tierName = (c: Comparison, n: number) =>
  n === 0 ? "No tier yet" : `Tier ${n}${c.tiers[n - 1] ? ` ${c.tiers[n - 1]!.name}` : ""}`;

/**
 * Two official (published) periods side by side: tiers in each, how trusts moved between tiers, and which
 * trusts moved. The periods and the region or ICB sit in the URL, so a comparison can be shared.
 */
export default function ComparePeriods() {
  const trpc = useTRPC();
  const { filter, params, update } = useNationalFilter();
  const place = { region: filter.region, icbCode: filter.icbCode };
  const trends = useQuery(trpc.national.trends.queryOptions(place as never));
  const published = (trends.data ?? [])
    .filter((p) => p.status === "published")
    .map((p) => p.period)
    .sort((a, b) => byPeriod(b, a));
  const to = params.get("to") ?? published[0];
  const from = params.get("from") ?? published[1];
  const comparison = useQuery({
    ...trpc.national.comparePeriods.queryOptions({ ...place, from: from ?? "", to: to ?? "" } as never),
    enabled: Boolean(from && to),
  });

  const periodSelect = (id: "from" | "to", label: string, value: string | undefined) => (
    <Select
      id={id}
      label={label}
      value={value ?? ""}
      onChange={(e) => update({ from: from ?? "", to: to ?? "", [id]: e.currentTarget.value })}
    >
      {published.map((p) => (
        <Select.Option key={p} value={p}>
          {p}
        </Select.Option>
      ))}
    </Select>
  );

  return (
    <>
      <h1>Compare two official periods</h1>
      <p className="nhsuk-lede-text">
        Attained tiers in two published quarters, and the trusts that moved between them. Official figures
        only: a preview is not counted.
      </p>
      <p className="nhsuk-body">
        {place.icbCode
          ? `Trusts in ICB ${place.icbCode}. `
          : place.region
            ? `Trusts in ${place.region}. `
            : "Every trust in your view. "}
        <Link to="/">Back to the national overview</Link>
      </p>
      {trends.isPending ? (
        <Loading what="the published periods" />
      ) : trends.error ? (
        <ViewError error={trends.error} />
      ) : published.length < 2 ? (
        <Empty>Two published periods are needed for a comparison.</Empty>
      ) : (
        <>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">{periodSelect("from", "Earlier period", from)}</div>
            <div className="nhsuk-grid-column-one-half">{periodSelect("to", "Later period", to)}</div>
          </div>
          {comparison.isPending ? (
            <Loading what="the comparison" />
          ) : comparison.error ? (
            <ViewError error={comparison.error} />
          ) : (
            <ComparisonBody c={comparison.data as Comparison} />
          )}
        </>
      )}
    </>
  );
}

function ComparisonBody({ c }: { c: Comparison }) {
  const tiers = c.from.tierCounts.map((_, n) => n);
  return (
    <>
      <section aria-labelledby="h-side">
        <h2 id="h-side">Tiers in each period</h2>
        <BarChart
          title={`Trusts by attained tier, ${c.from.period} and ${c.to.period}`}
          categories={tiers.map((n) => tierName(c, n))}
          series={[
            { name: c.from.period, values: c.from.tierCounts },
            { name: c.to.period, values: c.to.tierCounts },
          ]}
          height={280}
        />
        <Table caption={`Trusts by attained tier, ${c.from.period} and ${c.to.period}`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Attained tier</Table.Cell>
              <Table.Cell format="numeric">{c.from.period}</Table.Cell>
              <Table.Cell format="numeric">{c.to.period}</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {tiers.map((n) => (
              <Table.Row key={n}>
                <Table.Cell>{tierName(c, n)}</Table.Cell>
                <Table.Cell format="numeric">{c.from.tierCounts[n]}</Table.Cell>
                <Table.Cell format="numeric">{c.to.tierCounts[n]}</Table.Cell>
              </Table.Row>
            ))}
            <Table.Row>
              <Table.Cell>All trusts with official figures</Table.Cell>
              <Table.Cell format="numeric">{c.from.trusts}</Table.Cell>
              <Table.Cell format="numeric">{c.to.trusts}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </section>

      <section aria-labelledby="h-movement">
        <h2 id="h-movement">Tier movement</h2>
        <p className="nhsuk-body">
          The {c.inBoth} trusts with official figures in both periods: each row is a tier in {c.from.period},
          each column a tier in {c.to.period}.
        </p>
        <Scroll label="Tier movement table">
          <Table caption={`Tier movement from ${c.from.period} to ${c.to.period}`}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>In {c.from.period}</Table.Cell>
                {tiers.map((n) => (
                  <Table.Cell key={n} format="numeric">
                    {n === 0 ? "No tier" : `Tier ${n}`} in {c.to.period}
                  </Table.Cell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {c.movement.map((row, a) => (
                <Table.Row key={a}>
                  <Table.Cell>{tierName(c, a)}</Table.Cell>
                  {row.map((count, b) => (
                    <Table.Cell key={b} format="numeric">
                      {count}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Scroll>
        <CsvLink
          table="tier-movement"
          what="the tier movement table"
          extra={{ from: c.from.period, to: c.to.period }}
        />
      </section>

      <section aria-labelledby="h-moved">
        <h2 id="h-moved">Trusts that moved ({c.moved.length})</h2>
        {c.moved.length === 0 ? (
          <Empty>No trust changed tier between these periods.</Empty>
        ) : (
          <Table caption={`Trusts whose tier changed from ${c.from.period} to ${c.to.period}`}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Trust</Table.Cell>
                <Table.Cell>ODS code</Table.Cell>
                <Table.Cell>{c.from.period}</Table.Cell>
                <Table.Cell>{c.to.period}</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {c.moved.map((m) => (
                <Table.Row key={m.odsCode}>
                  <Table.Cell>
                    <Link to={`/trusts/${m.odsCode}`}>{m.name}</Link>
                  </Table.Cell>
                  <Table.Cell>{m.odsCode}</Table.Cell>
                  <Table.Cell>{tierName(c, m.fromTier)}</Table.Cell>
                  <Table.Cell>
                    {tierName(c, m.toTier)} ({m.toTier > m.fromTier ? "up" : "down"})
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
    </>
  );
}
