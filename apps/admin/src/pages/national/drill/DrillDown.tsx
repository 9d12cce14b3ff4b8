import { BarChart, EPR_STATUS_LABELS, Empty, Loading, label, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Table } from "nhsuk-react-components";
import { Link } from "react-router";
import { CountTable } from "../../CountTable";
import { CsvLink } from "../CsvLink";
import { pct, progressPct, useNationalFilter } from "../filters";
import "../national.css";
import { Scroll } from "../Scroll";
import type { GroupRow, Overview } from "../types";
import { ViewError } from "../ViewError";

type Level = "nation" | "region" | "icb";

const tierName = (o: Overview, n: number) =>
  n === 0 ? "No tier yet" : `Tier ${n}${o.tiers[n - 1] ? ` ${o.tiers[n - 1]!.name}` : ""}`;

/** The drill-down's place in the URL: `?region=…` then `?region=…&icbCode=…`, so back works and links share. */
const drillHref = (q: Record<string, string | null | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  const s = params.toString();
  return `/drill${s ? `?${s}` : ""}`;
};

/**
 * Nation → region → ICB → trust: at each level the tier and EPR distributions of the level's children, each
 * child a link one level down, and a trust a link to its read-only record.
 */
export default function DrillDown() {
  const trpc = useTRPC();
  const { filter } = useNationalFilter();
  const place = { region: filter.region, icbCode: filter.icbCode };
  const level: Level = place.icbCode ? "icb" : place.region ? "region" : "nation";
  const overview = useQuery(trpc.national.overview.queryOptions(place as never));
  const heatmap = useQuery({
    ...trpc.national.heatmap.queryOptions({ ...place, tier: 1 } as never),
    enabled: level === "icb",
  });
  const o = overview.data;
  const icbName = o?.groups.icb.find((g) => g.key === place.icbCode)?.label ?? place.icbCode;

  return (
    <>
      <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
        <ol className="nhsuk-breadcrumb__list">
          <li className="nhsuk-breadcrumb__item">
            <Link className="nhsuk-breadcrumb__link" to="/drill">
              England
            </Link>
          </li>
          {place.region && (
            <li className="nhsuk-breadcrumb__item">
              <Link className="nhsuk-breadcrumb__link" to={drillHref({ region: place.region })}>
                {place.region}
              </Link>
            </li>
          )}
          {place.icbCode && (
            <li className="nhsuk-breadcrumb__item">
              <Link
                className="nhsuk-breadcrumb__link"
                to={drillHref({ region: place.region, icbCode: place.icbCode })}
              >
                {icbName}
              </Link>
            </li>
          )}
        </ol>
      </nav>
      <h1>
        {level === "nation"
          ? "EPR adoption by region"
          : level === "region"
            ? `EPR adoption in ${place.region}, by ICB`
            : `EPR adoption in ${icbName}, by trust`}
      </h1>
      <p className="nhsuk-body">
        Choose a{" "}
        {level === "nation"
          ? "region to see its ICBs"
          : level === "region"
            ? "ICB to see its trusts"
            : "trust to open its record"}
        . From each trust's latest figures. <Link to="/">Back to the national overview</Link>
        {" · "}
        <Link to={drillHref(place).replace("/drill", "/compare")}>Compare two official periods here</Link>
      </p>
      {overview.isPending ? (
        <Loading what="the drill-down" />
      ) : overview.error ? (
        <ViewError error={overview.error} />
      ) : o!.trusts === 0 ? (
        <Empty>No trusts here.</Empty>
      ) : (
        <>
          <Totals o={o!} />
          {level === "icb" ? (
            heatmap.isPending ? (
              <Loading what="the ICB's trusts" />
            ) : heatmap.error ? (
              <ViewError error={heatmap.error} />
            ) : (
              <TrustsTable o={o!} trusts={heatmap.data!.trusts} />
            )
          ) : (
            <Children o={o!} level={level} region={place.region} />
          )}
        </>
      )}
    </>
  );
}

/** The level's own figures: EPR coverage and tiers, with their table twins. */
function Totals({ o }: { o: Overview }) {
  return (
    <section aria-labelledby="h-totals">
      <h2 id="h-totals">
        {o.trusts} trusts here, {o.eprStatus.find((s) => s.status === "live")?.count ?? 0} with a live EPR
      </h2>
      <CountTable
        caption="Trusts here by attained tier"
        heading="Attained tier"
        rows={o.tierCounts.map((count, n) => ({ label: tierName(o, n), count }))}
      />
    </section>
  );
}

function Children({ o, level, region }: { o: Overview; level: "nation" | "region"; region?: string }) {
  const rows: GroupRow[] = level === "nation" ? o.groups.region : o.groups.icb;
  const noun = level === "nation" ? "Region" : "ICB";
  const href = (g: GroupRow) =>
    level === "nation" ? drillHref({ region: g.key }) : drillHref({ region, icbCode: g.key });
  return (
    <section aria-labelledby="h-children">
      <h2 id="h-children">By {noun === "ICB" ? "ICB" : "region"}</h2>
      <BarChart
        title={`Trusts by attained tier in each ${noun === "ICB" ? "ICB" : "region"}`}
        categories={rows.map((g) => g.label)}
        series={o.tierCounts.map((_, n) => ({
          name: tierName(o, n),
          values: rows.map((g) => g.tierCounts[n] ?? 0),
        }))}
        stacked
        horizontal
        height={Math.max(200, rows.length * 32 + 80)}
      />
      <Scroll label={`Tiers and EPR coverage by ${noun === "ICB" ? "ICB" : "region"}`}>
        <Table caption={`Tiers and EPR coverage by ${noun === "ICB" ? "ICB" : "region"}`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>{noun}</Table.Cell>
              <Table.Cell format="numeric">Trusts</Table.Cell>
              <Table.Cell format="numeric">Live EPR</Table.Cell>
              {o.tierCounts.map((_, n) => (
                <Table.Cell key={n} format="numeric">
                  {n === 0 ? "No tier" : `Tier ${n}`}
                </Table.Cell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((g) => (
              <Table.Row key={g.key ?? "none"}>
                <Table.Cell>
                  {g.key ? <Link to={href(g)}>{g.label}</Link> : g.label}
                  {noun === "ICB" && g.key && <span className="nhsuk-body-s"> ({g.key})</span>}
                </Table.Cell>
                <Table.Cell format="numeric">{g.trusts}</Table.Cell>
                <Table.Cell format="numeric">
                  {g.eprLive} ({pct(g.trusts ? g.eprLive / g.trusts : 0)})
                </Table.Cell>
                {g.tierCounts.map((c, n) => (
                  <Table.Cell key={n} format="numeric">
                    {c}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Scroll>
      <CsvLink
        table="groups"
        what={`trusts by ${noun === "ICB" ? "ICB" : "region"}`}
        extra={{ groupBy: level === "nation" ? "region" : "icb" }}
      />
    </section>
  );
}

interface DrillTrust {
  odsCode: string;
  name: string;
  attainedTier: number;
  progressToNext: number | null;
  eprSupplier: string | null;
}

function TrustsTable({ o, trusts }: { o: Overview; trusts: DrillTrust[] }) {
  const notLive = new Map(o.withoutLiveEpr.map((t) => [t.odsCode, t.eprStatus]));
  return (
    <section aria-labelledby="h-children">
      <h2 id="h-children">By trust</h2>
      <Scroll label="Each trust's attained tier and EPR status">
        <Table caption="Each trust's attained tier and EPR status">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Trust</Table.Cell>
              <Table.Cell>ODS code</Table.Cell>
              <Table.Cell>Attained tier</Table.Cell>
              <Table.Cell format="numeric">Progress to next tier</Table.Cell>
              <Table.Cell>EPR status</Table.Cell>
              <Table.Cell>Supplier</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {trusts.map((t) => (
              <Table.Row key={t.odsCode}>
                <Table.Cell>
                  <Link to={`/trusts/${t.odsCode}`}>{t.name}</Link>
                </Table.Cell>
                <Table.Cell>{t.odsCode}</Table.Cell>
                <Table.Cell>{tierName(o, t.attainedTier)}</Table.Cell>
                <Table.Cell format="numeric">{progressPct(t.progressToNext)}</Table.Cell>
                <Table.Cell>{label(EPR_STATUS_LABELS, notLive.get(t.odsCode) ?? "live")}</Table.Cell>
                <Table.Cell>{t.eprSupplier ?? "Not recorded"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Scroll>
      <CsvLink table="trusts" what="the ICB's trusts, with their EPR status and tier" />
    </section>
  );
}
