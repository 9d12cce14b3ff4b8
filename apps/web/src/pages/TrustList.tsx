import { EPR_STATUS_LABELS, Empty, LoadError, Loading, label, TRUST_TYPE_LABELS, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Select, Table, TextInput } from "nhsuk-react-components";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";

const FILTERS = ["search", "trustType", "region", "icbCode"] as const;

/** Every trust, filtered by the URL's search parameters so a filtered list can be shared. */
export function TrustList() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const lists = useQuery(trpc.organisations.referenceLists.queryOptions());
  const trusts = useQuery(trpc.organisations.list.queryOptions(filter as never));
  const [search, setSearch] = useState(params.get("search") ?? "");
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => setSearch(params.get("search") ?? ""), [params]);

  const update = (key: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update("search", search.trim());
  };

  return (
    <>
      <h1 ref={heading}>NHS trusts</h1>
      <p className="nhsuk-lede-text">
        Every NHS trust in England, its EPR and how far it has adopted the national route map.
      </p>
      <form onSubmit={onSearch} className="realise-filters" aria-label="Filter trusts">
        <TextInput
          id="search"
          label="Name or ODS code"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          width={20}
        />
        <Select
          id="trustType"
          label="Trust type"
          value={params.get("trustType") ?? ""}
          onChange={(e) => update("trustType", e.currentTarget.value)}
        >
          <Select.Option value="">All types</Select.Option>
          {Object.entries(TRUST_TYPE_LABELS).map(([code, text]) => (
            <Select.Option key={code} value={code}>
              {text}
            </Select.Option>
          ))}
        </Select>
        <Select
          id="region"
          label="Region"
          value={params.get("region") ?? ""}
          onChange={(e) => update("region", e.currentTarget.value)}
        >
          <Select.Option value="">All regions</Select.Option>
          {lists.data?.regions.map((r) => (
            <Select.Option key={r} value={r}>
              {r}
            </Select.Option>
          ))}
        </Select>
        <Select
          id="icbCode"
          label="ICB"
          value={params.get("icbCode") ?? ""}
          onChange={(e) => update("icbCode", e.currentTarget.value)}
        >
          <Select.Option value="">All ICBs</Select.Option>
          {lists.data?.icbs.map((i) => (
            <Select.Option key={i.code} value={i.code}>
              {i.name}
            </Select.Option>
          ))}
        </Select>
        <div className="nhsuk-form-group">
          <Button type="submit">Search</Button>
        </div>
      </form>
      {trusts.isPending && <Loading what="trusts" />}
      {trusts.error && <LoadError error={trusts.error} />}
      {trusts.data && trusts.data.length === 0 && (
        <Empty>No trust matches these filters. Clear a filter to see more.</Empty>
      )}
      {trusts.data && trusts.data.length > 0 && (
        <Table caption={`${trusts.data.length} trust${trusts.data.length === 1 ? "" : "s"}`} responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Trust</Table.Cell>
              <Table.Cell>ODS code</Table.Cell>
              <Table.Cell>Type</Table.Cell>
              <Table.Cell>Region</Table.Cell>
              <Table.Cell>EPR</Table.Cell>
              <Table.Cell format="numeric">Official tier</Table.Cell>
              <Table.Cell>Period</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {trusts.data.map((t) => (
              <Table.Row key={t.odsCode}>
                <Table.Cell>
                  <Link to={`/trusts/${t.odsCode}`}>{t.name}</Link>
                </Table.Cell>
                <Table.Cell>{t.odsCode}</Table.Cell>
                <Table.Cell>{label(TRUST_TYPE_LABELS, t.trustType)}</Table.Cell>
                <Table.Cell>{t.region}</Table.Cell>
                <Table.Cell>
                  {label(EPR_STATUS_LABELS, t.eprStatus)}
                  {t.eprSupplier ? ` (${t.eprSupplier})` : ""}
                </Table.Cell>
                <Table.Cell format="numeric">{t.official ? t.official.attainedTier : "–"}</Table.Cell>
                <Table.Cell>{t.official ? t.official.period : "No accepted return"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
