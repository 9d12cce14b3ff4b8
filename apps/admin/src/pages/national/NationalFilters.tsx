import { TRUST_TYPE_LABELS, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Select } from "nhsuk-react-components";
import { useEffect } from "react";
import { Link } from "react-router";
import { type FilterKey, useNationalFilter } from "./filters";

/** Region, ICB, trust type and supplier filters; each choice updates the URL at once. */
export function NationalFilters({ children }: { children?: React.ReactNode }) {
  const trpc = useTRPC();
  const lists = useQuery(trpc.organisations.referenceLists.queryOptions());
  const { filter, set, update, params } = useNationalFilter();
  const select = (key: FilterKey, text: string, all: string, options: { value: string; text: string }[]) => (
    <Select
      id={`filter-${key}`}
      label={text}
      value={filter[key] ?? ""}
      onChange={(e) => (key === "region" ? onRegion(e.currentTarget.value) : set(key, e.currentTarget.value))}
    >
      <Select.Option value="">{all}</Select.Option>
      {options.map((o) => (
        <Select.Option key={o.value} value={o.value}>
          {o.text}
        </Select.Option>
      ))}
    </Select>
  );
  const allIcbs = lists.data?.icbs ?? [];
  const icbs = allIcbs.filter((i) => !filter.region || i.region === filter.region);
  const inRegion = (icbCode: string | undefined, region: string) =>
    !icbCode || !region || allIcbs.some((i) => i.code === icbCode && i.region === region);
  // A new region keeps the ICB only if the region contains it; otherwise the view would match no trust.
  const onRegion = (region: string) =>
    update(inRegion(filter.icbCode, region) ? { region } : { region, icbCode: "" });
  // A shared or bookmarked link whose ICB is not in its region is corrected once the ICBs are known.
  const stale = lists.data !== undefined && !inRegion(filter.icbCode, filter.region ?? "");
  useEffect(() => {
    if (stale) update({ icbCode: "" }, { replace: true });
  }, [stale, update]);
  const cleared = new URLSearchParams(params);
  for (const k of ["region", "icbCode", "trustType", "eprSupplier"]) cleared.delete(k);
  const anyFilter = Object.keys(filter).length > 0;
  return (
    <form className="realise-filters" aria-label="Filter the view" onSubmit={(e) => e.preventDefault()}>
      {select(
        "region",
        "Region",
        "All regions",
        (lists.data?.regions ?? []).map((r) => ({ value: r, text: r })),
      )}
      {select(
        "icbCode",
        "ICB",
        "All ICBs",
        icbs.map((i) => ({ value: i.code, text: i.name })),
      )}
      {select(
        "trustType",
        "Trust type",
        "All trust types",
        Object.entries(TRUST_TYPE_LABELS).map(([value, text]) => ({ value, text })),
      )}
      {select(
        "eprSupplier",
        "EPR supplier",
        "All suppliers",
        (lists.data?.suppliers ?? []).map((s) => ({ value: s, text: s })),
      )}
      {children}
      {anyFilter && (
        <p className="nhsuk-body">
          <Link to={{ search: cleared.toString() }}>Clear filters</Link>
        </p>
      )}
    </form>
  );
}
