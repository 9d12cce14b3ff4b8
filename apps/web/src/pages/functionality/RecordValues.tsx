import type { Functionality } from "@realise/domain";
import { formatDate, LEVEL_LABELS } from "@realise/ui";
import { SummaryList } from "nhsuk-react-components";
import type { ReactNode } from "react";
import { pct } from "../../format";
import type { AdoptionRecordRow } from "../../types";

/** Only web addresses that open a page are made links; anything else is shown as text. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : null);

/**
 * One functionality's record as read-only values, for those who may not change it now (a viewer, or any
 * role while a return locks the records): every value readable, evidence links clickable, no controls.
 */
export function RecordValues({
  functionality,
  record,
}: {
  functionality: Functionality;
  record: AdoptionRecordRow | undefined;
}) {
  if (!record) return <p>Nothing is recorded for {functionality.name} yet.</p>;
  const usage =
    record.usageNumerator !== null && record.usageDenominator
      ? (record.usageNumerator / record.usageDenominator) * 100
      : null;
  const rows: [string, ReactNode][] = [
    ["Coverage", pct(record.coveragePct)],
    [
      "Usage",
      record.usageDenominator
        ? `${pct(usage === null ? null : Math.round(usage * 10) / 10)} (${record.usageNumerator} of ${record.usageDenominator})`
        : "Not reported",
    ],
    [
      "Measurement window",
      record.measurementWindowStart || record.measurementWindowEnd
        ? `${formatDate(record.measurementWindowStart)} to ${formatDate(record.measurementWindowEnd)}`
        : "Not given",
    ],
    ["Paper retired", record.paperRetired ? "Yes" : "No"],
    ["Planned go-live date", record.plannedGoLive ? formatDate(record.plannedGoLive) : "None"],
    ["Level from the measures", LEVEL_LABELS[record.derivedLevel ?? record.level] ?? "Not known"],
    ["Claimed level", record.claimedLevel === null ? "No claim" : LEVEL_LABELS[record.claimedLevel]],
    ...(record.claimReason ? ([["Claim reason", record.claimReason]] as [string, ReactNode][]) : []),
    [
      "Evidence links",
      record.evidence.length === 0 ? (
        "None"
      ) : (
        <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
          {record.evidence.map((e) => {
            const href = safeHref(e.url);
            return (
              <li key={`${e.label}|${e.url}`}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {e.label || e.url}
                    <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
                  </a>
                ) : (
                  `${e.label}: ${e.url}`
                )}
              </li>
            );
          })}
        </ul>
      ),
    ],
    ["Notes", record.notes ? record.notes : "None"],
  ];
  return (
    <SummaryList>
      {rows.map(([key, value]) => (
        <SummaryList.Row key={key}>
          <SummaryList.Key>{key}</SummaryList.Key>
          <SummaryList.Value>{value}</SummaryList.Value>
        </SummaryList.Row>
      ))}
    </SummaryList>
  );
}
