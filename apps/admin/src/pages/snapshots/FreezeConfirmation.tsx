import { Button, SummaryList, WarningCallout } from "nhsuk-react-components";
import { useEffect, useRef } from "react";

/**
 * The last step before official figures are published: the period, and how many trusts the figures
 * come from. The accepted count shown is sent with the freeze, so a return accepted meanwhile makes the
 * server refuse rather than publish figures nobody checked.
 */
export function FreezeConfirmation({
  period,
  returnCounts,
  busy,
  onFreeze,
  onCancel,
}: {
  period: string;
  returnCounts: Record<string, number>;
  busy: boolean;
  onFreeze: (expectedAccepted: number) => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const accepted = returnCounts.accepted ?? 0;
  const rows: Array<[string, number]> = [
    ["Accepted: their figures are published", accepted],
    ["Submitted, not yet reviewed", returnCounts.submitted ?? 0],
    ["Sent back to the trust", returnCounts.returned ?? 0],
    ["Missing: no return", returnCounts.missing ?? 0],
  ];
  for (const [status, count] of Object.entries(returnCounts))
    if (!["accepted", "submitted", "returned", "missing"].includes(status) && count > 0)
      rows.push([status === "unlocked" ? "Unlocked" : status === "withdrawn" ? "Withdrawn" : status, count]);
  return (
    <section aria-labelledby="freeze-confirmation">
      <h2 id="freeze-confirmation" tabIndex={-1} ref={heading}>
        Confirm the official figures for {period}
      </h2>
      <SummaryList>
        {rows.map(([text, count]) => (
          <SummaryList.Row key={text}>
            <SummaryList.Key>{text}</SummaryList.Key>
            <SummaryList.Value>{count}</SummaryList.Value>
          </SummaryList.Row>
        ))}
      </SummaryList>
      <WarningCallout>
        <WarningCallout.Heading>This cannot be undone</WarningCallout.Heading>
        <p>
          {accepted === 0
            ? `No trust has an accepted return for ${period}: the official figures would count every trust as having none. `
            : `The official figures for ${period} are built only from the ${accepted} accepted returns. `}
          Every other trust is shown as having no accepted return. The figures are published as open data and
          never change.
        </p>
      </WarningCallout>
      <Button type="button" disabled={busy} onClick={() => onFreeze(accepted)}>
        Freeze and publish official figures for {period}
      </Button>{" "}
      <Button type="button" secondary disabled={busy} onClick={onCancel}>
        Cancel
      </Button>
    </section>
  );
}
