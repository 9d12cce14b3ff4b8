import { Empty, LEVEL_LABELS, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Select } from "nhsuk-react-components";
import { useCallback } from "react";
import { Link, useNavigate } from "react-router";
import { CsvLink } from "./CsvLink";
import { Heatmap, LEVEL_COLOURS } from "./Heatmap";
import { HeatmapTable } from "./HeatmapTable";
import { LeagueTableCaveat } from "./LeagueTableCaveat";
import { NationalFilters } from "./NationalFilters";
import { useNationalFilter } from "./filters";
import "./national.css";
import { ViewError } from "./ViewError";

const SORTS = [
  { value: "name", text: "Name (A to Z)" },
  { value: "tier", text: "Attained tier (highest first)" },
  { value: "progress", text: "Progress to the next tier (furthest first)" },
  { value: "region", text: "Region" },
  { value: "supplier", text: "EPR supplier" },
] as const;
type Sort = (typeof SORTS)[number]["value"];

const tierParam = (raw: string | null, min: number) => {
  if (raw === null || raw === "") return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= 5 ? n : undefined;
};

/** The key to the heatmap's colours, "does not apply" hatched, shown above the chart and the table. */
function Legend() {
  return (
    <ul className="realise-legend" aria-label="Key">
      {LEVEL_COLOURS.map((colour, level) => (
        <li key={colour}>
          <span className="realise-swatch" style={{ background: colour }} aria-hidden="true" />
          {LEVEL_LABELS[level]}
        </li>
      ))}
      <li>
        <span className="realise-swatch realise-level-na" aria-hidden="true" />
        Does not apply to the trust's type
      </li>
    </ul>
  );
}

/** Trusts × functionalities by level: a heatmap, or the same matrix as a table; a cell opens the trust. */
export default function HeatmapPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { filter, params, set, query } = useNationalFilter();
  const tier = tierParam(params.get("tier"), 1);
  const trustTier = tierParam(params.get("trustTier"), 0);
  const sort: Sort = SORTS.find((s) => s.value === params.get("sort"))?.value ?? "name";
  const view = params.get("view") === "table" ? "table" : "chart";
  const page = Number(params.get("page")) || 1;
  const heatmap = useQuery(trpc.national.heatmap.queryOptions({ ...filter, tier, trustTier, sort } as never));
  const toggle = new URLSearchParams(params);
  toggle.delete("page");
  if (view === "table") toggle.delete("view");
  else toggle.set("view", "table");
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next.toString()}`;
  };
  const onOpen = useCallback((odsCode: string) => navigate(`/trusts/${odsCode}`), [navigate]);
  const setKeep = (key: string, value: string) => {
    params.delete("page");
    set(key, value);
  };

  return (
    <>
      <h1>Adoption by trust and functionality</h1>
      <p className="nhsuk-lede-text">
        Each trust's adoption level for each functionality of the national framework, L0 (not in place) to L5
        (optimised). Select a cell or a trust to open that trust's record.
      </p>
      <LeagueTableCaveat />
      <NationalFilters>
        <Select
          id="filter-trustTier"
          label="Trusts at tier"
          value={trustTier === undefined ? "" : String(trustTier)}
          onChange={(e) => setKeep("trustTier", e.currentTarget.value)}
        >
          <Select.Option value="">Any tier</Select.Option>
          <Select.Option value="0">No tier yet</Select.Option>
          {[1, 2, 3, 4, 5].map((n) => (
            <Select.Option key={n} value={String(n)}>
              Tier {n}
            </Select.Option>
          ))}
        </Select>
        <Select
          id="filter-tier"
          label="Functionalities of tier"
          value={tier ? String(tier) : ""}
          onChange={(e) => setKeep("tier", e.currentTarget.value)}
        >
          <Select.Option value="">All tiers</Select.Option>
          {[1, 2, 3, 4, 5].map((n) => (
            <Select.Option key={n} value={String(n)}>
              Tier {n}
            </Select.Option>
          ))}
        </Select>
        <Select
          id="heatmap-sort"
          label="Sort trusts by"
          value={sort}
          onChange={(e) => setKeep("sort", e.currentTarget.value)}
        >
          {SORTS.map((s) => (
            <Select.Option key={s.value} value={s.value}>
              {s.text}
            </Select.Option>
          ))}
        </Select>
      </NationalFilters>
      <p className="nhsuk-body">
        <Link to={{ search: toggle.toString() }}>
          {view === "table" ? "Show as a heatmap" : "Show as a table"}
        </Link>
        {" · "}
        <Link
          to={{ pathname: "/", search: query.replace(/(^|&)(tier|trustTier|sort|view|page)=[^&]*/g, "") }}
        >
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
            {heatmap.data.trusts.length} trusts × {heatmap.data.functionalities.length} functionalities,
            framework version {heatmap.data.frameworkVersion}.{" "}
            <SystemReported counts={heatmap.data.systemReported} />
          </p>
          <Legend />
          <CsvLink table="heatmap" what="the levels of every trust in view" />
          {view === "table" ? (
            <HeatmapTable data={heatmap.data} page={page} pageHref={pageHref} />
          ) : (
            <Heatmap data={heatmap.data} onOpen={onOpen} />
          )}
        </>
      )}
    </>
  );
}

/** How many of the figures in view came from trusts' own EPRs (FHIR MeasureReports) rather than staff. */
function SystemReported({ counts }: { counts: { records: number; trusts: number } }) {
  if (counts.records === 0) return <>Every record in view is self-assessed by trust staff.</>;
  const records = counts.records === 1 ? "1 record" : `${counts.records.toLocaleString("en-GB")} records`;
  const trusts = counts.trusts === 1 ? "1 trust" : `${counts.trusts} trusts`;
  return (
    <>
      {records} in view, at {trusts}, are system-reported by the trusts' own EPRs; the rest are self-assessed.
    </>
  );
}
