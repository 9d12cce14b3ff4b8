import { LEVEL_LABELS, Loading, label, TRUST_TYPE_LABELS, usePageTitle, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { BackLink, InsetText } from "nhsuk-react-components";
import { Link, useParams } from "react-router";
import { LockedNotice } from "../../components/LockedNotice";
import { Problem } from "../../components/Problem";
import { formatDateTime } from "../../format";
import { canEdit, useMe } from "../../session";
import { AdoptionForm } from "./AdoptionForm";
import { Provenance } from "./Provenance";
import { RecordHistory } from "./RecordHistory";
import { RecordValues } from "./RecordValues";

/** One functionality of one trust: its form and its history. */
export default function FunctionalityPage() {
  const params = useParams();
  const odsCode = (params.odsCode ?? "").toUpperCase();
  const code = (params.code ?? "").toUpperCase();
  const trpc = useTRPC();
  const me = useMe().data ?? null;
  const dashboard = useQuery(trpc.adoption.forOrganisation.queryOptions({ odsCode }));
  const named = dashboard.data?.framework.functionalities.find((f) => f.code.toUpperCase() === code);
  usePageTitle(
    named && dashboard.data && `${named.name} (${named.code}): ${dashboard.data.organisation.name}`,
  );

  // Start the form from a fresh read, so its version is the one on the server now.
  if (dashboard.isPending || (dashboard.isFetching && !dashboard.isFetchedAfterMount))
    return <Loading what="the form" />;
  if (dashboard.error) return <Problem error={dashboard.error} what="this trust's records" />;
  const data = dashboard.data;
  const back = (
    <BackLink asElement={Link} to={`/trusts/${odsCode}/dashboard`}>
      Back to the dashboard
    </BackLink>
  );
  const functionality = data.framework.functionalities.find((f) => f.code.toUpperCase() === code);
  if (!functionality) {
    return (
      <>
        {back}
        <h1>Functionality not found</h1>
        <p>
          Framework version {data.framework.version} has no functionality with the code {code}.{" "}
          <Link to={`/trusts/${odsCode}/dashboard`}>Choose one from the dashboard</Link>.
        </p>
      </>
    );
  }
  const view = data.assessment.functionalities.find((f) => f.code === functionality.code);
  const record = data.records.find((r) => r.functionalityCode === functionality.code);
  const applies = view?.applicable ?? false;
  const editor = canEdit(me, odsCode);
  const readOnly = !editor || data.locked !== null || !applies;

  return (
    <>
      {back}
      <h1>
        <span className="nhsuk-caption-l">
          {data.organisation.name}, tier {functionality.tier}
          <span className="nhsuk-u-visually-hidden">: </span>
        </span>
        {functionality.name}
      </h1>
      <p>{functionality.description}</p>
      <p className="nhsuk-body-s">
        Recorded level: {view ? LEVEL_LABELS[view.level] : "not recorded"}
        {record
          ? `. Last changed ${formatDateTime(record.updatedAt)}${record.updatedBy ? ` by ${record.updatedBy}` : ""}.`
          : "."}
      </p>
      <Provenance record={record} />
      {!applies && (
        <InsetText>
          {functionality.name} does not apply to{" "}
          {label(TRUST_TYPE_LABELS, data.organisation.trustType).toLowerCase()} trusts, so it does not count
          toward this trust's tier.
        </InsetText>
      )}
      {data.locked && <LockedNotice locked={data.locked} />}
      {applies && !data.locked && !editor && (
        <InsetText>
          Your account can see this record but not change it. Your trust's editors change records.
        </InsetText>
      )}
      {readOnly ? (
        <>
          <h2>Recorded values</h2>
          <RecordValues functionality={functionality} record={record} />
        </>
      ) : (
        <AdoptionForm
          key={`${odsCode}/${functionality.code}`}
          odsCode={odsCode}
          functionality={functionality}
          record={record}
          readOnly={false}
        />
      )}
      <RecordHistory odsCode={odsCode} code={functionality.code} />
    </>
  );
}
