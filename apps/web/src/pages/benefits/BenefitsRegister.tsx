import { Empty, formatDate, formatDateTime, Loading, label, useTRPC, useTRPCClient } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { BackLink, Button, SummaryList, Table, Tag, WarningCallout } from "nhsuk-react-components";
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { History } from "../../components/History";
import { Problem } from "../../components/Problem";
import {
  CLASS_LABELS,
  CONFIDENCE_LABELS,
  downloadText,
  formatGbp,
  formatNumber,
  formatShare,
  type Register,
  type RegisterFlag,
  STATUS_LABELS,
} from "./format";
import { LockedNotice, useLockingReturn } from "../../components/LockedNotice";
import { canEdit, useMe } from "../../session";

function flagTitle(flag: RegisterFlag) {
  switch (flag.kind) {
    case "l4_without_benefit":
      return "Embedded with no benefit tracked";
    case "enablers_not_live":
      return "Enabling functionality not live";
    case "overdue_actual":
      return "Actual overdue";
    case "double_count":
      return "Counted once (double-count group)";
  }
}

/** What needs a benefits lead's attention, grouped by kind. */
function Flags({ register, odsCode }: { register: Register; odsCode: string }) {
  if (register.flags.length === 0) return null;
  const titleOf = new Map(register.lines.map((l) => [l.id, l.title]));
  return (
    <WarningCallout>
      <WarningCallout.Heading>Needs attention ({register.flags.length})</WarningCallout.Heading>
      <ul>
        {register.flags.map((flag, i) => (
          <li key={`${flag.kind}-${i}`}>
            <strong>{flagTitle(flag)}:</strong>{" "}
            {"line" in flag && titleOf.has(flag.line) ? (
              <>
                <Link to={`/trusts/${odsCode}/benefits/${encodeURIComponent(flag.line)}`}>
                  {titleOf.get(flag.line)}
                </Link>
                {flag.kind === "overdue_actual" && ` has no actual for ${flag.duePeriod}`}
                {flag.kind === "enablers_not_live" &&
                  ` depends on ${flag.functionalityCodes.join(", ")}, not yet live`}
              </>
            ) : (
              flag.message
            )}
          </li>
        ))}
      </ul>
    </WarningCallout>
  );
}

/** The trust's benefits register: totals, flags, every line with its progress, and the CSV actions. */
export function BenefitsRegister() {
  const { odsCode = "" } = useParams();
  const locked = useLockingReturn(odsCode);
  const me = useMe().data ?? null;
  // Writes are for the trust's editors and approver, and none while a return locks the records.
  const writable = canEdit(me, odsCode) && !locked;
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const register = useQuery(trpc.benefits.list.queryOptions({ odsCode }));
  const history = useQuery(trpc.benefits.history.queryOptions({ odsCode }));
  const [exporting, setExporting] = useState<string | null>(null);
  if (register.isPending) return <Loading what="the benefits register" />;
  if (register.error) return <Problem error={register.error} what="the benefits register" />;
  const r = register.data;
  const exportCsv = async () => {
    setExporting("Preparing the file…");
    try {
      const csv = await client.benefits.exportCsv.query({ odsCode });
      downloadText(`benefits-${odsCode}.csv`, csv);
      setExporting("The register was downloaded as a CSV file.");
    } catch (error) {
      setExporting(`The export failed: ${(error as Error).message}`);
    }
  };
  return (
    <>
      <BackLink asElement={Link} to={`/trusts/${odsCode}/dashboard`}>
        Dashboard
      </BackLink>
      <h1>Benefits register</h1>
      {locked && <LockedNotice locked={locked} />}
      {notice && (
        <div className="nhsuk-inset-text" role="status">
          <p>{notice}</p>
        </div>
      )}
      <p className="nhsuk-lede-text">
        What the EPR brings to {odsCode}: each benefit with its baseline, target and actuals, valued by the HM
        Treasury Green Book classes. See also{" "}
        <Link to={`/trusts/${odsCode}/plan`}>the plan to the next tier</Link>.
      </p>
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>Expected full-year value</SummaryList.Key>
          <SummaryList.Value data-testid="trust-expected">
            {formatGbp(r.totals.expectedGbp)}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Realised so far</SummaryList.Key>
          <SummaryList.Value>{formatGbp(r.totals.realisedGbp)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Lines</SummaryList.Key>
          <SummaryList.Value>
            {r.lines.length}
            {r.totals.excludedLines.length > 0 &&
              `; ${r.totals.excludedLines.length} left out of the totals as double counting`}
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Actuals due for</SummaryList.Key>
          <SummaryList.Value>{r.duePeriod}</SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      <div className="nhsuk-button-group">
        {writable && (
          <>
            <Link className="nhsuk-button" to={`/trusts/${odsCode}/benefits/new`}>
              Add a benefit
            </Link>
            <Link className="nhsuk-button nhsuk-button--secondary" to={`/trusts/${odsCode}/benefits/import`}>
              Import actuals from CSV
            </Link>
          </>
        )}
        <Button type="button" secondary onClick={exportCsv}>
          Export register as CSV
        </Button>
      </div>
      {exporting && (
        <p role="status" className="nhsuk-body-s">
          {exporting}
        </p>
      )}
      <Flags register={r} odsCode={odsCode} />
      {r.lines.length === 0 ? (
        <Empty>
          No benefits are registered yet. Add the first one to start tracking what the EPR brings.
        </Empty>
      ) : (
        <Table caption="Benefit lines" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Benefit</Table.Cell>
              <Table.Cell>Class</Table.Cell>
              <Table.Cell>Baseline</Table.Cell>
              <Table.Cell>Latest actual</Table.Cell>
              <Table.Cell>Target</Table.Cell>
              <Table.Cell>Progress</Table.Cell>
              <Table.Cell>Full-year value</Table.Cell>
              <Table.Cell>Status</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {r.lines.map((l) => (
              <Table.Row key={l.id}>
                <Table.Cell>
                  <Link to={`/trusts/${odsCode}/benefits/${encodeURIComponent(l.id)}`}>{l.title}</Link>
                  <br />
                  <span className="nhsuk-body-s">
                    {l.owner}; confidence {label(CONFIDENCE_LABELS, l.confidence).toLowerCase()}
                  </span>
                </Table.Cell>
                <Table.Cell>
                  {label(CLASS_LABELS, l.benefitClass)}
                  {l.isDisbenefit && (
                    <>
                      {" "}
                      <Tag color="orange">Dis-benefit</Tag>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {formatNumber(l.baseline.value)} {l.unit}
                </Table.Cell>
                <Table.Cell>
                  {l.progress.latestActual === null
                    ? "None yet"
                    : `${formatNumber(l.progress.latestActual)} (${l.progress.latestPeriod})`}
                </Table.Cell>
                <Table.Cell>
                  {formatNumber(l.target.value)} by {formatDate(l.target.date)}
                </Table.Cell>
                <Table.Cell>
                  {formatShare(l.progress.progress)}
                  {l.progress.onTrack === false && " (behind trajectory)"}
                </Table.Cell>
                <Table.Cell>
                  {l.fullYearValueGbp === null ? "Not monetised" : formatGbp(l.expectedValueGbp)}
                </Table.Cell>
                <Table.Cell>{label(STATUS_LABELS, l.status)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {r.withdrawnLines.length > 0 && (
        <>
          <h2>Withdrawn benefits</h2>
          <p>Out of every total and forecast; kept for the history.</p>
          <ul>
            {r.withdrawnLines.map((l) => (
              <li key={l.id}>
                <Link to={`/trusts/${odsCode}/benefits/${encodeURIComponent(l.id)}`}>{l.title}</Link>:
                withdrawn on {formatDateTime(l.withdrawn.at)}
                {l.withdrawn.by ? ` by ${l.withdrawn.by}` : ""} ({l.withdrawn.reason})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>History</h2>
      {history.error ? (
        <Problem error={history.error} what="the register's history" />
      ) : (
        <History
          entries={history.data?.entries ?? []}
          title="Changes to the register"
          empty="No changes to the register have been recorded yet."
        />
      )}
    </>
  );
}
