import { formatDateTime, LoadError, Loading, useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { InsetText, WarningCallout } from "nhsuk-react-components";

/**
 * When the audit log's hash chain was last verified (`pnpm audit:verify`) and what was found: a changed or
 * removed row is named so the national team can investigate it.
 */
export function ChainStatus() {
  const trpc = useTRPC();
  const status = useQuery(trpc.audit.chainStatus.queryOptions());
  if (status.isPending) return <Loading what="the audit chain's status" />;
  if (status.error) return <LoadError error={status.error} />;
  const v = status.data.verification;
  if (!v)
    return (
      <InsetText>
        <p>The audit chain has not been verified yet. Run pnpm audit:verify on the server.</p>
      </InsetText>
    );
  if (v.ok)
    return (
      <InsetText>
        <p>
          Audit chain last verified {formatDateTime(v.at)}: all {v.rowsChecked.toLocaleString("en-GB")} rows
          match.
        </p>
      </InsetText>
    );
  return (
    <WarningCallout>
      <WarningCallout.Heading>Audit chain broken</WarningCallout.Heading>
      <p>
        Verified {formatDateTime(v.at)}: audit row {v.firstBadId} does not match ({v.problem}). The{" "}
        {v.rowsChecked.toLocaleString("en-GB")} rows before it match.
      </p>
    </WarningCallout>
  );
}
