import { EPR_STATUS_LABELS, Loading, label, TRUST_TYPE_LABELS, usePageTitle, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { NotificationBanner } from "nhsuk-react-components";
import { Link, useLocation, useParams } from "react-router";
import { LockedNotice } from "../../components/LockedNotice";
import { Problem } from "../../components/Problem";
import { canEdit, canSee, canSubmit, useMe } from "../../session";
import { FunctionalityTables } from "./FunctionalityTables";
import { Handoff } from "./Handoff";
import { OwnTrend } from "./OwnTrend";
import { PeerComparison } from "./PeerComparison";
import { RecentChanges } from "./RecentChanges";
import { ReturnPanel } from "./ReturnPanel";
import { TierSummary } from "./TierSummary";

/** What the form hands back after a save, shown once at the top of the dashboard. */
export interface SavedState {
  saved: { functionality: string; level: string; attainedTier: number };
}

/** The trust's daily view: tier and gaps, return, every functionality, peers, recent changes. */
export default function DashboardPage() {
  const { odsCode: raw = "" } = useParams();
  const odsCode = raw.toUpperCase();
  const trpc = useTRPC();
  const me = useMe().data ?? null;
  const dashboard = useQuery(trpc.adoption.forOrganisation.queryOptions({ odsCode }));
  const saved = (useLocation().state as SavedState | null)?.saved;
  usePageTitle(dashboard.data && `Adoption dashboard: ${dashboard.data.organisation.name}`);

  if (dashboard.isPending) return <Loading what="the dashboard" />;
  if (dashboard.error) return <Problem error={dashboard.error} what="this trust's dashboard" />;
  const data = dashboard.data;
  const org = data.organisation;
  return (
    <>
      {saved && (
        <NotificationBanner success>
          <NotificationBanner.Title success>Success</NotificationBanner.Title>
          <NotificationBanner.Heading>{saved.functionality} saved</NotificationBanner.Heading>
          <p>
            Its level is now {saved.level}. Your trust's attained tier is{" "}
            {saved.attainedTier === 0 ? "none yet" : saved.attainedTier}.
          </p>
        </NotificationBanner>
      )}
      <h1>
        <span className="nhsuk-caption-l">
          Adoption dashboard<span className="nhsuk-u-visually-hidden"> for </span>
        </span>
        {org.name}
      </h1>
      <p className="nhsuk-body-s">
        {label(TRUST_TYPE_LABELS, org.trustType)} trust, {org.region}. EPR:{" "}
        {label(EPR_STATUS_LABELS, org.eprStatus)}
        {org.eprSupplier ? ` (${org.eprSupplier})` : ""}. Assessed against {data.framework.name}, version{" "}
        {data.framework.version}.
      </p>
      <nav aria-label="This trust's records">
        <ul className="nhsuk-list realise-inline-list">
          <li>
            <Link to={`/trusts/${odsCode}/benefits`}>Benefits register</Link>
          </li>
          <li>
            <Link to={`/trusts/${odsCode}/plan`}>Plan and forecast</Link>
          </li>
          <li>
            <Link to={`/trusts/${odsCode}`}>Registry details</Link>
          </li>
          {canSee(me, odsCode) && (
            <li>
              <Link to={`/trusts/${odsCode}/team`}>Team</Link>
            </li>
          )}
          <li>
            <Link to={`/trusts/${odsCode}/systems`}>Connected systems</Link>
          </li>
        </ul>
      </nav>
      {canSee(me, odsCode) && (
        <p className="realise-no-print">
          <a
            className="nhsuk-button nhsuk-button--secondary"
            href={`/reports/trusts/${encodeURIComponent(odsCode)}/board-pack.pdf`}
            download
          >
            Download board pack (PDF)
          </a>{" "}
          <span className="nhsuk-body-s">
            Official figures of the latest published quarter;{" "}
            <a href={`/reports/trusts/${encodeURIComponent(odsCode)}/board-pack.pdf?period=live`} download>
              a draft of today's records
            </a>
            .
          </span>
        </p>
      )}
      {data.locked && <LockedNotice locked={data.locked} />}
      <TierSummary data={data} odsCode={odsCode} />
      <ReturnPanel data={data} odsCode={odsCode} canSubmit={canSubmit(me, odsCode)} />
      {canSee(me, odsCode) && (
        <Handoff
          odsCode={odsCode}
          period={data.currentPeriod}
          canMark={canEdit(me, odsCode) && !data.locked}
        />
      )}
      <FunctionalityTables data={data} odsCode={odsCode} canConfirm={canEdit(me, odsCode) && !data.locked} />
      <OwnTrend odsCode={odsCode} tiers={data.framework.tiers.length} />
      <PeerComparison data={data} />
      <RecentChanges data={data} odsCode={odsCode} />
    </>
  );
}
