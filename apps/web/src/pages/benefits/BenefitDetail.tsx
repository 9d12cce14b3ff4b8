import { periodRange, plannedValueAt } from "@realise/domain";
import { formatDate, formatDateTime, Loading, label, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { BackLink, SummaryList, Table, WarningCallout } from "nhsuk-react-components";
import { Link, useLocation, useParams } from "react-router";
import { History } from "../../components/History";
import { Problem } from "../../components/Problem";
import {
  CLASS_LABELS,
  CONFIDENCE_LABELS,
  DIRECTION_LABELS,
  formatGbp,
  formatNumber,
  formatShare,
  STATUS_LABELS,
} from "./format";
import { LineChart } from "./LineChart";
import { RecordActual } from "./RecordActual";
import { WithdrawLine } from "./WithdrawLine";
import { LockedNotice, useLockingReturn } from "../../components/LockedNotice";
import { canEdit as canEditTrust, useMe } from "../../session";

/** One benefit: its fields, actual against trajectory and target (chart and table), and recording actuals. */
export function BenefitDetail() {
  const { odsCode = "", id = "" } = useParams();
  const locked = useLockingReturn(odsCode);
  const me = useMe().data ?? null;
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const trpc = useTRPC();
  const query = useQuery(trpc.benefits.get.queryOptions({ odsCode, id }));
  const register = useQuery(trpc.benefits.list.queryOptions({ odsCode }));
  const history = useQuery(trpc.benefits.history.queryOptions({ odsCode, id }));
  if (query.isPending) return <Loading what="the benefit" />;
  if (query.error) return <Problem error={query.error} what="this benefit" />;
  const line = query.data;
  const flags = (register.data?.flags ?? []).filter((f) => "line" in f && f.line === line.id);
  const trajectory = [
    { date: line.baseline.date, value: line.baseline.value },
    ...line.trajectory,
    { date: line.target.date, value: line.target.value },
  ].filter((p, i, all) => all.findIndex((q) => q.date === p.date) === i);
  const actual = line.actuals.map((a) => ({
    date: periodRange(a.period).end,
    value: a.value,
    period: a.period,
  }));
  const canEdit = register.data !== undefined;
  const withdrawn = line.withdrawn;
  // Changes are for the trust's editors and approver, on a line still in the register, while no return locks it.
  const mayWrite = canEditTrust(me, odsCode) && !withdrawn;
  return (
    <>
      <BackLink asElement={Link} to={`/trusts/${odsCode}/benefits`}>
        Benefits register
      </BackLink>
      <h1>{line.title}</h1>
      {locked && <LockedNotice locked={locked} />}
      {withdrawn && (
        <WarningCallout>
          <WarningCallout.Heading>Withdrawn from the register</WarningCallout.Heading>
          <p>
            Withdrawn on {formatDateTime(withdrawn.at)}
            {withdrawn.by ? ` by ${withdrawn.by}` : ""}: {withdrawn.reason}. It is out of every total and
            forecast, and kept here for the history.
          </p>
        </WarningCallout>
      )}
      {notice && (
        <div className="nhsuk-inset-text" role="status">
          <p>{notice}</p>
        </div>
      )}
      {flags.length > 0 && (
        <WarningCallout>
          <WarningCallout.Heading>Needs attention</WarningCallout.Heading>
          <ul>
            {flags.map((f) => (
              <li key={f.kind}>{f.message}</li>
            ))}
          </ul>
        </WarningCallout>
      )}
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>Progress to target</SummaryList.Key>
          <SummaryList.Value>
            {line.progress.progress === null
              ? "No actual yet"
              : `${formatShare(line.progress.progress)}${line.progress.onTrack === false ? ", behind trajectory" : line.progress.onTrack ? ", on or ahead of trajectory" : ""}`}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Class</SummaryList.Key>
          <SummaryList.Value>
            {label(CLASS_LABELS, line.benefitClass)}
            {line.isDisbenefit ? " (dis-benefit)" : ""}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Owner</SummaryList.Key>
          <SummaryList.Value>{line.owner}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Metric</SummaryList.Key>
          <SummaryList.Value>
            {line.metric} ({line.unit}); {label(DIRECTION_LABELS, line.direction).toLowerCase()}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Baseline</SummaryList.Key>
          <SummaryList.Value>
            {formatNumber(line.baseline.value)} on {formatDate(line.baseline.date)} ({line.baseline.source})
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Target</SummaryList.Key>
          <SummaryList.Value>
            {formatNumber(line.target.value)} by {formatDate(line.target.date)}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Value</SummaryList.Key>
          <SummaryList.Value>
            {line.fullYearValueGbp === null
              ? "Not monetised"
              : `${formatGbp(line.fullYearValueGbp)} a year at ${line.attributionPct}% attribution; ${formatGbp(line.progress.realisedValueGbp)} realised`}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Enabling functionalities</SummaryList.Key>
          <SummaryList.Value>{line.enablingFunctionalities.join(", ") || "None recorded"}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Confidence and status</SummaryList.Key>
          <SummaryList.Value>
            {label(CONFIDENCE_LABELS, line.confidence)}; {label(STATUS_LABELS, line.status).toLowerCase()}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Double-count group</SummaryList.Key>
          <SummaryList.Value>{line.doubleCountGroup ?? "None"}</SummaryList.Value>
        </SummaryList.Row>
        {line.evidence && (
          <SummaryList.Row>
            <SummaryList.Key>Evidence</SummaryList.Key>
            <SummaryList.Value>{line.evidence}</SummaryList.Value>
          </SummaryList.Row>
        )}
      </SummaryList>
      {canEdit && mayWrite && !locked && (
        <p>
          <Link to={`/trusts/${odsCode}/benefits/${encodeURIComponent(line.id)}/edit`}>
            Change this benefit
          </Link>
        </p>
      )}
      <h2>Actual against trajectory and target</h2>
      <LineChart
        title={`${line.title}: actual against trajectory and target`}
        actual={actual}
        trajectory={trajectory}
        target={line.target.value}
        unit={line.unit}
      />
      <Table caption="Actuals and the planned value at each period end">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Period</Table.Cell>
            <Table.Cell>Actual</Table.Cell>
            <Table.Cell>Planned (trajectory)</Table.Cell>
            <Table.Cell>Source</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          <Table.Row>
            <Table.Cell>Baseline ({line.baseline.date})</Table.Cell>
            <Table.Cell>{formatNumber(line.baseline.value)}</Table.Cell>
            <Table.Cell>–</Table.Cell>
            <Table.Cell>{line.baseline.source}</Table.Cell>
          </Table.Row>
          {line.actuals.map((a) => (
            <Table.Row key={a.period}>
              <Table.Cell>{a.period}</Table.Cell>
              <Table.Cell>{formatNumber(a.value)}</Table.Cell>
              <Table.Cell>{formatNumber(plannedValueAt(line, periodRange(a.period).end))}</Table.Cell>
              <Table.Cell>{a.source ?? "–"}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.Cell>Target ({line.target.date})</Table.Cell>
            <Table.Cell>–</Table.Cell>
            <Table.Cell>{formatNumber(line.target.value)}</Table.Cell>
            <Table.Cell>–</Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
      {mayWrite && <RecordActual odsCode={odsCode} line={line} />}
      {canEdit && mayWrite && !locked && (
        <>
          <h2>Withdraw</h2>
          <p>Withdraw a benefit that should no longer count, for example one counted twice.</p>
          <WithdrawLine odsCode={odsCode} line={line} />
        </>
      )}
      <h2>History</h2>
      {history.error ? (
        <Problem error={history.error} what="this benefit's history" />
      ) : (
        <History
          entries={history.data?.entries ?? []}
          title="Changes to this benefit"
          empty="No changes to this benefit have been recorded yet."
        />
      )}
    </>
  );
}
