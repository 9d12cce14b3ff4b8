import { BarChart } from "@realise/ui/charts";
import { Table } from "nhsuk-react-components";
import type { DashboardData } from "../../types";

const TIERS = [0, 1, 2, 3, 4, 5];
const tierName = (t: number) => (t === 0 ? "No tier" : `Tier ${t}`);

/**
 * Where the trust's peers stand, as distributions of attained tiers (same trust type, same EPR supplier).
 * Deliberately not a league table: the trust's own tier is stated, never its rank.
 */
export function PeerComparison({ data }: { data: DashboardData }) {
  const own = data.assessment.attainedTier;
  const groups = data.peers.filter((p) => p.trusts > 0);
  return (
    <section aria-labelledby="peers-heading">
      <h2 id="peers-heading">Your trust and its peers</h2>
      <p>
        {data.organisation.name} has attained {own === 0 ? "no tier yet" : `tier ${own}`}. The chart and table
        show how many trusts in each peer group have attained each tier.
      </p>
      {groups.length === 0 ? (
        <p>No peer group has any assessed trust yet.</p>
      ) : (
        <>
          <BarChart
            title="Trusts in each peer group by attained tier"
            categories={TIERS.map(tierName)}
            series={groups.map((g) => ({ name: g.group, values: g.tierCounts }))}
            height={280}
          />
          <Table caption="Trusts in each peer group by attained tier">
            <Table.Head>
              <Table.Row>
                <Table.Cell>Attained tier</Table.Cell>
                {groups.map((g) => (
                  <Table.Cell key={g.group} format="numeric">
                    {g.group} ({g.trusts})
                  </Table.Cell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {TIERS.map((t) => (
                <Table.Row key={t}>
                  <Table.Cell>
                    {tierName(t)}
                    {t === own ? " (your trust's tier)" : ""}
                  </Table.Cell>
                  {groups.map((g) => (
                    <Table.Cell key={g.group} format="numeric">
                      {g.tierCounts[t] ?? 0}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}
