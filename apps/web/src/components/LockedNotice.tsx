import { useTRPC } from "@realise/ui";
import { useQuery } from "@tanstack/react-query";
import { WarningCallout } from "nhsuk-react-components";

/** The return that locks a trust's records, as `adoption.forOrganisation` reports it. */
export interface LockingReturn {
  period: string;
  status: string;
}

/**
 * "Records are locked": which return locks them and what to do about it, in the same terms as the
 * server's refusal, so a reader knows before trying whom to ask.
 */
export function LockedNotice({ locked }: { locked: LockingReturn }) {
  return (
    <WarningCallout>
      <WarningCallout.Heading>Records are locked</WarningCallout.Heading>
      <p>
        The return for {locked.period} is {locked.status}. Records cannot be changed until the national team{" "}
        {locked.status === "accepted" ? "unlocks it" : "accepts, returns or unlocks it"}.
      </p>
      <p>
        {locked.status === "accepted"
          ? "Ask the national team to unlock the return if a value must change."
          : "Your trust's approver can withdraw the submission from the dashboard before it is reviewed."}
      </p>
    </WarningCallout>
  );
}

/**
 * Whether a return locks the trust's records now, read from the dashboard's query (shared cache), for the
 * pages that do not load it themselves. Null while unknown or unlocked: the server refuses writes anyway.
 */
export function useLockingReturn(odsCode: string): LockingReturn | null {
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.adoption.forOrganisation.queryOptions({ odsCode: odsCode.toUpperCase() }));
  return dashboard.data?.locked ?? null;
}
