import { BarChart, EPR_STATUS_LABELS, Empty, Loading, label, TRUST_TYPE_LABELS, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Details, Select, Table } from "nhsuk-react-components";
import { Link } from "react-router";
import { MilestoneStatusTag } from "../../MilestoneStatusTag";
import { useMe } from "../../session";
import { CountTable } from "../CountTable";
import { LeagueTableCaveat } from "./LeagueTableCaveat";
import { Scroll } from "./Scroll";
import { NationalFilters } from "./NationalFilters";
import { pct, progressPct, useNationalFilter } from "./filters";
import "./national.css";
import type { GroupRow, Overview, TrendPoint, TrustBrief } from "./types";
import { ViewError } from "./ViewError";
import { CsvLink } from "./CsvLink";

const GROUPINGS = {
  region: { title: "Region", plural: "regions" },
  icb: { title: "ICB", plural: "ICBs" },
  trustType: { title: "Trust type", plural: "trust types" },
  supplier: { title: "EPR supplier", plural: "EPR suppliers" },
} as const;
type Grouping = keyof typeof GROUPINGS;

const tierLabel = (o: Overview, n: number) =>
  n === 0 ? "No tier yet" : `Tier ${n}${o.tiers[n - 1] ? ` ${o.tiers[n - 1]!.name}` : ""}`;

/**
 * The quarterly report of the latest published quarter: for the national roles, and for ICB and region
 * viewers (their report covers their trusts).
 */
function QuarterlyReportLink() {
  const role = useMe().data?.role;
  if (!role || !["national_admin", "national_analyst", "icb_viewer", "region_viewer"].includes(role))
    return null;
  return (
    <p className="realise-no-print">
      <a className="nhsuk-button nhsuk-button--secondary" href="/reports/national.pdf" download>
        Download quarterly report (PDF)
      </a>{" "}
      <span className="nhsuk-body-s">Official figures of the latest published quarter.</span>
    </p>
  );
}

/** The nation at a glance: EPR coverage, tiers, groups, roadmap milestones and trends, all filterable. */
export function NationalOverview() {
  const trpc = useTRPC();
  const { filter, params, set, query } = useNationalFilter();
  const overview = useQuery(trpc.national.overview.queryOptions(filter as never));
  const trends = useQuery(trpc.national.trends.queryOptions(filter as never));
  const grouping = (params.get("groupBy") as Grouping | null) ?? "region";
  const groupingSafe: Grouping = grouping in GROUPINGS ? grouping : "region";

  return (
    <>
      <h1>EPR adoption across England</h1>
      <p className="nhsuk-lede-text">
        Where trusts stand on electronic patient records and the national route map, from each trust's latest
        figures.
      </p>
      <LeagueTableCaveat />
      <NationalFilters />
      <p className="nhsuk-body">
        <Link to={{ pathname: "/heatmap", search: query }}>See trusts by functionality (heatmap)</Link>
        {" · "}
        <Link to="/drill">Drill down by region and ICB</Link>
        {" · "}
        <Link to="/compare">Compare two official periods</Link>
        {" · "}
        <Link to="/summary">Registry summary</Link>
      </p>
      <QuarterlyReportLink />
      {overview.isPending ? (
        <Loading what="the national overview" />
      ) : overview.error ? (
        <ViewError error={overview.error} />
      ) : overview.data.trusts === 0 ? (
        <Empty>No trusts match these filters.</Empty>
      ) : (
        <OverviewBody
          o={overview.data}
          grouping={groupingSafe}
          onGrouping={(g) => set("groupBy", g === "region" ? "" : g)}
          trends={trends.data}
        />
      )}
    </>
  );
}

function OverviewBody({
  o,
  grouping,
  onGrouping,
  trends,
}: {
  o: Overview;
  grouping: Grouping;
  onGrouping: (g: Grouping) => void;
  trends: TrendPoint[] | undefined;
}) {
  const live = o.eprStatus.find((s) => s.status === "live")?.count ?? 0;
  const eprRows = o.eprStatus.map((s) => ({ label: label(EPR_STATUS_LABELS, s.status), count: s.count }));
  const tierRows = o.tierCounts.map((count, n) => ({ label: tierLabel(o, n), count }));
  return (
    <>
      <p className="nhsuk-body">
        <strong>{o.trusts}</strong> trusts in view; <strong>{live}</strong> ({pct(live / o.trusts)}) have a
        live EPR. Framework version {o.frameworkVersion}.
      </p>

      <section aria-labelledby="h-epr">
        <h2 id="h-epr">EPR coverage</h2>
        <BarChart
          title="Trusts by EPR status"
          categories={eprRows.map((r) => r.label)}
          series={[{ name: "Trusts", values: eprRows.map((r) => r.count) }]}
          height={260}
        />
        <CountTable caption="Trusts by EPR status" heading="EPR status" rows={eprRows} />
        <CsvLink table="epr-status" what="trusts by EPR status" />
        <CsvLink table="trusts" what="every trust in view, with its EPR status and tier" />
        <WithoutEpr trusts={o.withoutLiveEpr} />
      </section>

      <section aria-labelledby="h-tiers">
        <h2 id="h-tiers">Tier distribution</h2>
        <BarChart
          title="Trusts by attained tier"
          categories={tierRows.map((r) => r.label)}
          series={[{ name: "Trusts", values: tierRows.map((r) => r.count) }]}
          height={280}
        />
        <CountTable caption="Trusts by attained tier" heading="Attained tier" rows={tierRows} />
        <CsvLink table="tiers" what="trusts by attained tier" />
        {o.progress && (
          <p className="nhsuk-body">
            Progress towards each trust's next tier: a quarter of trusts are below{" "}
            {progressPct(o.progress.q1)}, half below {progressPct(o.progress.median)}, three quarters below{" "}
            {progressPct(o.progress.q3)}.
          </p>
        )}
      </section>

      <section aria-labelledby="h-groups">
        <h2 id="h-groups">By {GROUPINGS[grouping].title.toLowerCase()}</h2>
        <Select
          id="groupBy"
          label="Group trusts by"
          value={grouping}
          onChange={(e) => onGrouping(e.currentTarget.value as Grouping)}
        >
          {Object.entries(GROUPINGS).map(([value, g]) => (
            <Select.Option key={value} value={value}>
              {g.title}
            </Select.Option>
          ))}
        </Select>
        <GroupSection o={o} grouping={grouping} />
        <CsvLink
          table="groups"
          what={`trusts by ${GROUPINGS[grouping].title}`}
          extra={{ groupBy: grouping }}
        />
      </section>

      <section aria-labelledby="h-milestones">
        <h2 id="h-milestones">Roadmap milestones</h2>
        {o.milestones.length === 0 ? (
          <Empty>The framework has no roadmap milestones.</Empty>
        ) : (
          <>
            <Milestones o={o} />
            <CsvLink table="milestones" what="roadmap milestones" />
          </>
        )}
      </section>

      <section aria-labelledby="h-trends">
        <h2 id="h-trends">Trends across periods</h2>
        <Trends o={o} trends={trends} />
        <CsvLink table="trends" what="trends across periods" />
      </section>
    </>
  );
}

function WithoutEpr({ trusts }: { trusts: TrustBrief[] }) {
  if (trusts.length === 0) return <Empty>Every trust in view has a live EPR.</Empty>;
  return (
    <Table caption={`Trusts without a live EPR (${trusts.length})`}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Trust</Table.Cell>
          <Table.Cell>ODS code</Table.Cell>
          <Table.Cell>Type</Table.Cell>
          <Table.Cell>Region</Table.Cell>
          <Table.Cell>EPR status</Table.Cell>
          <Table.Cell>Supplier</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {trusts.map((t) => (
          <Table.Row key={t.odsCode}>
            <Table.Cell>
              <a href={`/trusts/${t.odsCode}`}>{t.name}</a>
            </Table.Cell>
            <Table.Cell>{t.odsCode}</Table.Cell>
            <Table.Cell>{label(TRUST_TYPE_LABELS, t.trustType)}</Table.Cell>
            <Table.Cell>{t.region}</Table.Cell>
            <Table.Cell>{label(EPR_STATUS_LABELS, t.eprStatus)}</Table.Cell>
            <Table.Cell>{t.eprSupplier ?? "Not recorded"}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function groupName(grouping: Grouping, g: GroupRow) {
  if (grouping === "trustType") return label(TRUST_TYPE_LABELS, g.key);
  if (grouping === "supplier") return g.key ?? "Not recorded";
  if (grouping === "icb") return g.key ? g.label : "No ICB recorded";
  return g.label;
}

function GroupSection({ o, grouping }: { o: Overview; grouping: Grouping }) {
  const rows = o.groups[grouping];
  const names = rows.map((g) => groupName(grouping, g));
  const caption = `Trusts per tier by ${GROUPINGS[grouping].title.toLowerCase()}, with progress quartiles`;
  return (
    <>
      <BarChart
        title={caption}
        categories={names}
        stacked
        horizontal
        height={Math.max(260, 28 * rows.length + 100)}
        series={o.tierCounts.map((_, n) => ({
          name: n === 0 ? "No tier" : `Tier ${n}`,
          values: rows.map((g) => g.tierCounts[n] ?? 0),
        }))}
      />
      <Scroll label={caption}>
        <Table caption={caption}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>{GROUPINGS[grouping].title}</Table.Cell>
              <Table.Cell format="numeric">Trusts</Table.Cell>
              <Table.Cell format="numeric">EPR live</Table.Cell>
              {o.tierCounts.map((_, n) => (
                <Table.Cell key={n} format="numeric">
                  {n === 0 ? "No tier" : `Tier ${n}`}
                </Table.Cell>
              ))}
              <Table.Cell format="numeric">Progress lower quartile</Table.Cell>
              <Table.Cell format="numeric">Median</Table.Cell>
              <Table.Cell format="numeric">Upper quartile</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((g, i) => (
              <Table.Row key={g.key ?? "none"}>
                <Table.Cell>{names[i]}</Table.Cell>
                <Table.Cell format="numeric">{g.trusts}</Table.Cell>
                <Table.Cell format="numeric">{g.eprLive}</Table.Cell>
                {g.tierCounts.map((c, n) => (
                  <Table.Cell key={n} format="numeric">
                    {c}
                  </Table.Cell>
                ))}
                <Table.Cell format="numeric">{progressPct(g.progress?.q1)}</Table.Cell>
                <Table.Cell format="numeric">{progressPct(g.progress?.median)}</Table.Cell>
                <Table.Cell format="numeric">{progressPct(g.progress?.q3)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Scroll>
      <p className="nhsuk-body-s">
        Progress is each trust's progress towards its next tier; quartiles show the spread, so small groups
        are not hidden behind an average.
      </p>
    </>
  );
}

function Milestones({ o }: { o: Overview }) {
  return (
    <>
      <BarChart
        title="Share of trusts meeting each milestone against its target"
        categories={o.milestones.map((m) => m.id)}
        series={[
          { name: "Meeting it now (%)", values: o.milestones.map((m) => Math.round(m.shareNow * 100)) },
          { name: "Target (%)", values: o.milestones.map((m) => Math.round(m.targetShare * 100)) },
        ]}
        height={280}
      />
      <Table caption="Roadmap milestones: share of trusts meeting each one now, against its target">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Milestone</Table.Cell>
            <Table.Cell>Target date</Table.Cell>
            <Table.Cell format="numeric">Target</Table.Cell>
            <Table.Cell format="numeric">Meeting it now</Table.Cell>
            <Table.Cell>Status</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {o.milestones.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>
                {m.title} <span className="nhsuk-body-s">({m.id})</span>
              </Table.Cell>
              <Table.Cell>{m.targetDate}</Table.Cell>
              <Table.Cell format="numeric">{pct(m.targetShare)}</Table.Cell>
              <Table.Cell format="numeric">
                {pct(m.shareNow)} ({m.metNow} of {m.eligible})
              </Table.Cell>
              <Table.Cell>
                <MilestoneStatusTag status={m.status} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {o.milestones
        .filter((m) => m.atRiskTotal > 0)
        .map((m) => (
          <Details key={m.id}>
            <Details.Summary>
              {m.atRiskTotal} trusts not meeting {m.id}
            </Details.Summary>
            <Details.Text>
              <Table
                caption={`Trusts not meeting ${m.title}${m.atRisk.length < m.atRiskTotal ? ` (the ${m.atRisk.length} closest)` : ""}`}
              >
                <Table.Head>
                  <Table.Row>
                    <Table.Cell>Trust</Table.Cell>
                    <Table.Cell>Type</Table.Cell>
                    <Table.Cell>EPR status</Table.Cell>
                    <Table.Cell format="numeric">Tier</Table.Cell>
                    <Table.Cell format="numeric">Progress to next</Table.Cell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {m.atRisk.map((t) => (
                    <Table.Row key={t.odsCode}>
                      <Table.Cell>
                        {t.name} ({t.odsCode})
                      </Table.Cell>
                      <Table.Cell>{label(TRUST_TYPE_LABELS, t.trustType)}</Table.Cell>
                      <Table.Cell>{label(EPR_STATUS_LABELS, t.eprStatus)}</Table.Cell>
                      <Table.Cell format="numeric">{t.attainedTier}</Table.Cell>
                      <Table.Cell format="numeric">{progressPct(t.progressToNext)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </Details.Text>
          </Details>
        ))}
    </>
  );
}

function Trends({ o, trends }: { o: Overview; trends: TrendPoint[] | undefined }) {
  if (!trends) return <Loading what="trends" />;
  const points = [
    ...trends.map((t) => ({
      label: `${t.period}${t.status === "published" ? "" : " (preview)"}`,
      tierCounts: t.tierCounts,
      trusts: t.trusts,
      eprLive: t.eprLive,
    })),
    {
      label: "Now (provisional)",
      tierCounts: o.tierCounts,
      trusts: o.trusts,
      eprLive: o.eprStatus.find((s) => s.status === "live")?.count ?? 0,
    },
  ];
  return (
    <>
      {trends.length === 0 && (
        <Empty>
          No period has been frozen yet, so only today's provisional figures are shown.{" "}
          <Link to="/snapshots">Freeze a snapshot</Link> to start a trend.
        </Empty>
      )}
      <BarChart
        title="Trusts per tier in each frozen period and now"
        categories={points.map((p) => p.label)}
        stacked
        height={300}
        series={o.tierCounts.map((_, n) => ({
          name: n === 0 ? "No tier" : `Tier ${n}`,
          values: points.map((p) => p.tierCounts[n] ?? 0),
        }))}
      />
      <Table caption="Trusts per tier and with a live EPR, by period">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Period</Table.Cell>
            <Table.Cell format="numeric">Trusts</Table.Cell>
            <Table.Cell format="numeric">EPR live</Table.Cell>
            {o.tierCounts.map((_, n) => (
              <Table.Cell key={n} format="numeric">
                {n === 0 ? "No tier" : `Tier ${n}`}
              </Table.Cell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {points.map((p) => (
            <Table.Row key={p.label}>
              <Table.Cell>{p.label}</Table.Cell>
              <Table.Cell format="numeric">{p.trusts}</Table.Cell>
              <Table.Cell format="numeric">{p.eprLive}</Table.Cell>
              {o.tierCounts.map((_, n) => (
                <Table.Cell key={n} format="numeric">
                  {p.tierCounts[n] ?? 0}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
export default NationalOverview;
