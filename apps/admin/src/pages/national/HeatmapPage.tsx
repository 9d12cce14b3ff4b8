import { Empty, Loading, label, TRUST_TYPE_LABELS, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Select, Table } from "nhsuk-react-components";
import { Link } from "react-router";
import { Heatmap } from "./Heatmap";
import { LeagueTableCaveat } from "./LeagueTableCaveat";
import { NationalFilters } from "./NationalFilters";
import { Scroll } from "./Scroll";
import { useNationalFilter } from "./filters";
import "./national.css";
import type { Heatmap as HeatmapData } from "./types";
import { ViewError } from "./ViewError";

const LEVEL_KEY = [
  "L0 Not in place",
  "L1 Planned",
  "L2 Live (partial)",
  "L3 Adopted",
  "L4 Embedded",
  "L5 Optimised",
];

/** Trusts × functionalities by level: a heatmap, or the same matrix as a table. */
export default function HeatmapPage() {
  const trpc = useTRPC();
  const { filter, params, set, query } = useNationalFilter();
  const tier = Number(params.get("tier")) || undefined;
  const view = params.get("view") === "table" ? "table" : "chart";
  const heatmap = useQuery(trpc.national.heatmap.queryOptions({ ...filter, tier } as never));
  const toggle = new URLSearchParams(params);
  if (view === "table") toggle.delete("view");
  else toggle.set("view", "table");

  return (
    <>
      <h1>Adoption by trust and functionality</h1>
      <p className="nhsuk-lede-text">
        Each trust's adoption level for each functionality of the national framework, L0 (not in place) to L5
        (optimised).
      </p>
      <LeagueTableCaveat />
      <NationalFilters>
        <Select
          id="filter-tier"
          label="Tier"
          value={tier ? String(tier) : ""}
          onChange={(e) => set("tier", e.currentTarget.value)}
        >
          <Select.Option value="">All tiers</Select.Option>
          {[1, 2, 3, 4, 5].map((n) => (
            <Select.Option key={n} value={String(n)}>
              Tier {n}
            </Select.Option>
          ))}
        </Select>
      </NationalFilters>
      <p className="nhsuk-body">
        <Link to={{ search: toggle.toString() }}>
          {view === "table" ? "Show as a heatmap" : "Show as a table"}
        </Link>
        {" · "}
        <Link to={{ pathname: "/", search: query.replace(/(^|&)(tier|view)=[^&]*/g, "") }}>
          Back to the overview
        </Link>
      </p>
      {heatmap.isPending ? (
        <Loading what="the heatmap" />
      ) : heatmap.error ? (
        <ViewError error={heatmap.error} />
      ) : heatmap.data.trusts.length === 0 ? (
        <Empty>No trusts match these filters.</Empty>
      ) : (
        <>
          <p className="nhsuk-body">
            {heatmap.data.trusts.length} trusts × {heatmap.data.functionalities.length} functionalities. Key:{" "}
            {LEVEL_KEY.join(", ")}; blank where a functionality does not apply to the trust's type.
          </p>
          {view === "table" ? <LevelTable data={heatmap.data} /> : <Heatmap data={heatmap.data} />}
        </>
      )}
    </>
  );
}

function LevelTable({ data }: { data: HeatmapData }) {
  const width = data.functionalities.length;
  const caption = "Adoption level by trust (rows) and functionality (columns)";
  return (
    <Scroll label={caption}>
      <Table caption={caption}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Trust</Table.Cell>
            <Table.Cell>Type</Table.Cell>
            {data.functionalities.map((f) => (
              <Table.Cell key={f.code}>
                <abbr title={f.name}>{f.code}</abbr>
              </Table.Cell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {data.trusts.map((t, i) => (
            <Table.Row key={t.odsCode}>
              <th scope="row" className="nhsuk-table__header">
                {t.name} ({t.odsCode})
              </th>
              <Table.Cell>{label(TRUST_TYPE_LABELS, t.trustType)}</Table.Cell>
              {data.functionalities.map((f, j) => {
                const level = data.levels[i * width + j] ?? -1;
                return (
                  <Table.Cell key={f.code} className={level >= 0 ? `realise-level-${level}` : undefined}>
                    {level >= 0 ? (
                      `L${level}`
                    ) : (
                      <span className="nhsuk-u-visually-hidden">Does not apply</span>
                    )}
                  </Table.Cell>
                );
              })}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Scroll>
  );
}
