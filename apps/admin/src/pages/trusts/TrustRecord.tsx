import { EPR_STATUS_LABELS, LEVEL_LABELS, Loading, label, TRUST_TYPE_LABELS, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { InsetText, Table } from "nhsuk-react-components";
import { Link, useParams } from "react-router";
import { ViewError } from "../national/ViewError";

const pct = (value: number | null | undefined) => (value == null ? "–" : `${Math.round(value)}%`);

/**
 * One trust's dashboard as the national team sees it: read only, from the same procedure the trust's own
 * staff use, so the figures are the trust's live records.
 */
export default function TrustRecord() {
  const { odsCode: raw = "" } = useParams();
  const odsCode = raw.toUpperCase();
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.adoption.forOrganisation.queryOptions({ odsCode }));
  if (dashboard.isPending) return <Loading what="the trust's record" />;
  if (dashboard.error) return <ViewError error={dashboard.error} />;
  const { organisation: org, assessment: a, framework } = dashboard.data;
  const next = a.nextTier === null ? undefined : a.tiers.find((t) => t.tier === a.nextTier);
  const views = a.functionalities.filter((f) => f.applicable);
  return (
    <>
      <p className="nhsuk-body">
        <Link to="/heatmap">Back to the heatmap</Link>
      </p>
      <h1>
        <span className="nhsuk-caption-l">
          Trust record<span className="nhsuk-u-visually-hidden"> for </span>
        </span>
        {org.name} ({org.odsCode})
      </h1>
      <p className="nhsuk-body-s">
        {label(TRUST_TYPE_LABELS, org.trustType)} trust, {org.region}. EPR:{" "}
        {label(EPR_STATUS_LABELS, org.eprStatus)}
        {org.eprSupplier ? ` (${org.eprSupplier})` : ""}. Assessed against {framework.name}, version{" "}
        {framework.version}.
      </p>
      <InsetText>
        <p>
          A read-only view of the trust's live records. Only the trust's own staff change them; official
          figures come from its accepted returns.
        </p>
      </InsetText>
      <h2>{a.attainedTier === 0 ? "No tier attained yet" : `Attained tier ${a.attainedTier}`}</h2>
      {next ? (
        <p>
          Progress to tier {next.tier}: {Math.round(a.progressToNext * 100)}%. Criteria met:{" "}
          {next.mandatoryMet} of {next.mandatoryTotal} mandatory
          {next.menuRequired > 0 ? `, ${next.menuMet} of ${next.menuRequired} from the menus` : ""}.
        </p>
      ) : (
        <p>The trust has attained the top tier of the route map.</p>
      )}
      {a.nextTierNeeds.length > 0 && (
        <>
          <h2 id="needs-heading">What tier {a.nextTier} still needs</h2>
          <ul aria-labelledby="needs-heading">
            {a.nextTierNeeds.map((g) => (
              <li key={`${g.criterionId}-${g.functionalityCode}`}>{g.text}</li>
            ))}
          </ul>
        </>
      )}
      <h2>Functionalities by tier</h2>
      {framework.tiers.map((tier) => {
        const rows = views.filter((f) => f.tier === tier.number);
        if (rows.length === 0) return null;
        return (
          <Table key={tier.number} caption={`Tier ${tier.number}: ${tier.name}`} responsive>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Functionality</Table.Cell>
                <Table.Cell>Level</Table.Cell>
                <Table.Cell format="numeric">Coverage</Table.Cell>
                <Table.Cell format="numeric">Usage</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((f) => (
                <Table.Row key={f.code}>
                  <Table.Cell>
                    {f.name} ({f.code})
                  </Table.Cell>
                  <Table.Cell>{LEVEL_LABELS[f.level]}</Table.Cell>
                  <Table.Cell format="numeric">{pct(f.coveragePct)}</Table.Cell>
                  <Table.Cell format="numeric">{pct(f.usagePct)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        );
      })}
      <p className="nhsuk-body">
        <Link to={`/registry/${org.odsCode}`}>Registry details</Link>
      </p>
    </>
  );
}
