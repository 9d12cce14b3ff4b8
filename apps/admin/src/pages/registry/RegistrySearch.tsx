import { EPR_STATUS_LABELS, Empty, LoadError, Loading, TRUST_TYPE_LABELS, label, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Table, TextInput } from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { CsvLink } from "../national/CsvLink";

/** Find a trust in the registry to edit its EPR and ICB membership. */
export function RegistrySearch() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const search = params.get("search") ?? "";
  const [text, setText] = useState(search);
  const list = useQuery(trpc.organisations.list.queryOptions(search ? { search } : {}));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { search: text.trim() } : {});
  };
  return (
    <>
      <h1>Organisation registry</h1>
      <p>
        Trusts from the ODS registry with their EPR and ICB membership. Peer groups are kept in{" "}
        <Link to="/registry/peer-groups">peer group sets</Link>.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id="search"
          label="Name or ODS code"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          width={20}
        />
        <Button type="submit" secondary>
          Search
        </Button>
      </form>
      {list.isPending ? (
        <Loading what="trusts" />
      ) : list.error ? (
        <LoadError error={list.error} />
      ) : list.data.length === 0 ? (
        <Empty>No trust matches “{search}”.</Empty>
      ) : (
        <Table caption={`${list.data.length} trusts`} responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Trust</Table.Cell>
              <Table.Cell>ODS code</Table.Cell>
              <Table.Cell>Type</Table.Cell>
              <Table.Cell>ICB</Table.Cell>
              <Table.Cell>EPR</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.data.map((o) => (
              <Table.Row key={o.odsCode}>
                <Table.Cell>
                  <Link to={`/registry/${o.odsCode}`}>{o.name}</Link>
                </Table.Cell>
                <Table.Cell>{o.odsCode}</Table.Cell>
                <Table.Cell>{label(TRUST_TYPE_LABELS, o.trustType)}</Table.Cell>
                <Table.Cell>{o.icbName ?? "–"}</Table.Cell>
                <Table.Cell>
                  {label(EPR_STATUS_LABELS, o.eprStatus)}
                  {o.eprSupplier ? ` (${o.eprSupplier})` : ""}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {list.data && list.data.length > 0 && (
        <CsvLink table="registry" what="the trusts listed, with their ICB, EPR and tier" />
      )}
    </>
  );
}
