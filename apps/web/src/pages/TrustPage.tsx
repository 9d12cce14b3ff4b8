import {
  EPR_STATUS_LABELS,
  formatDate,
  LoadError,
  Loading,
  label,
  TRUST_TYPE_LABELS,
  usePageTitle,
  useTRPC,
} from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { BackLink, SummaryList, Table } from "nhsuk-react-components";
import { Link, useParams } from "react-router";
import { canSee, useMe } from "../session";

/** One trust: its registry details and ICB history. */
export function TrustPage() {
  const { odsCode = "" } = useParams();
  const trpc = useTRPC();
  const trust = useQuery(trpc.organisations.byOdsCode.queryOptions({ odsCode }));
  const me = useMe();
  usePageTitle(trust.data?.name);
  if (trust.isPending) return <Loading what="the trust" />;
  if (trust.error) {
    return (
      <>
        <h1>Trust not found</h1>
        <LoadError error={trust.error} />
        <Link to="/">Back to the list of trusts</Link>
      </>
    );
  }
  const t = trust.data;
  return (
    <>
      <BackLink asElement={Link} to="/">
        All trusts
      </BackLink>
      <h1>{t.name}</h1>
      {canSee(me.data ?? null, t.odsCode) && (
        <p className="nhsuk-body-l">
          <Link to={`/trusts/${t.odsCode}/dashboard`}>Open the adoption dashboard for {t.name}</Link>
        </p>
      )}
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>ODS code</SummaryList.Key>
          <SummaryList.Value>{t.odsCode}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Trust type</SummaryList.Key>
          <SummaryList.Value>{label(TRUST_TYPE_LABELS, t.trustType)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Region</SummaryList.Key>
          <SummaryList.Value>{t.region}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>ICB</SummaryList.Key>
          <SummaryList.Value>{t.icbName ?? "Not known"}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>EPR</SummaryList.Key>
          <SummaryList.Value>
            {label(EPR_STATUS_LABELS, t.eprStatus)}
            {t.eprSupplier ? `, ${t.eprSupplier}` : ", supplier not recorded"}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Official tier</SummaryList.Key>
          <SummaryList.Value>
            {t.official
              ? `Tier ${t.official.attainedTier} (official figures for ${t.official.period}, from the trust's accepted return)`
              : "No accepted return in a published period yet"}
          </SummaryList.Value>
        </SummaryList.Row>
        {t.attainedTier !== null && (
          <SummaryList.Row>
            <SummaryList.Key>Current tier (live, not yet validated)</SummaryList.Key>
            <SummaryList.Value>{t.attainedTier}</SummaryList.Value>
          </SummaryList.Row>
        )}
      </SummaryList>
      <h2>ICB membership</h2>
      <Table caption="ICB membership over time">
        <Table.Head>
          <Table.Row>
            <Table.Cell>ICB</Table.Cell>
            <Table.Cell>From</Table.Cell>
            <Table.Cell>To</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {t.icbMemberships.map((m) => (
            <Table.Row key={m.validFrom}>
              <Table.Cell>
                {m.icbName} ({m.icbCode})
              </Table.Cell>
              <Table.Cell>{formatDate(m.validFrom)}</Table.Cell>
              <Table.Cell>{m.validTo ? formatDate(m.validTo) : "Current"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
