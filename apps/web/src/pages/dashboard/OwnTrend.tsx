import { useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Table } from "nhsuk-react-components";
import { pct } from "../../format";
import { TrendChart } from "./TrendChart";

/**
 * The trust's own official figures over time: its tier and key measures in each published period, as a
 * chart and a table holding the same numbers.
 */
export function OwnTrend({ odsCode, tiers }: { odsCode: string; tiers: number }) {
  const trpc = useTRPC();
  const trend = useQuery(trpc.adoption.officialTrend.queryOptions({ odsCode }));
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">Your official figures over time</h2>
      {trend.isPending ? (
        <p role="status">Loading the official figures…</p>
      ) : trend.error ? (
        <p>The official figures could not be loaded just now. Reload the page to try again.</p>
      ) : trend.data.periods.length === 0 ? (
        <p>
          No official figures yet: they appear once a quarter in which your trust's return was accepted is
          published by the national team.
        </p>
      ) : (
        <>
          <p>
            Official figures come from your trust's accepted returns, frozen and published each quarter.
            Today's records are shown above and count from the next published quarter.
          </p>
          <TrendChart
            title="Official tier and functionalities adopted by period"
            tiers={tiers}
            points={trend.data.periods.map((p) => ({
              period: p.period,
              tier: p.attainedTier,
              adopted: p.adopted,
            }))}
          />
          <Table caption="Official tier and key measures by period" responsive>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Period</Table.Cell>
                <Table.Cell format="numeric">Tier</Table.Cell>
                <Table.Cell format="numeric">Progress to next tier</Table.Cell>
                <Table.Cell format="numeric">Adopted (L3 or above)</Table.Cell>
                <Table.Cell format="numeric">Embedded (L4 or above)</Table.Cell>
                <Table.Cell format="numeric">Mean coverage</Table.Cell>
                <Table.Cell format="numeric">Validated records</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {trend.data.periods.map((p) => (
                <Table.Row key={p.period}>
                  <Table.Cell>{p.period}</Table.Cell>
                  <Table.Cell format="numeric">{p.attainedTier === 0 ? "None" : p.attainedTier}</Table.Cell>
                  <Table.Cell format="numeric">{pct(Math.round(p.progressToNext * 100))}</Table.Cell>
                  <Table.Cell format="numeric">
                    {p.adopted} of {p.recorded}
                  </Table.Cell>
                  <Table.Cell format="numeric">{p.embedded}</Table.Cell>
                  <Table.Cell format="numeric">{pct(p.meanCoveragePct)}</Table.Cell>
                  <Table.Cell format="numeric">{p.validated}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}
