import { useTRPC } from "@realise/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Tag } from "nhsuk-react-components";

/**
 * The handoff to the approver: which tiers the team marked ready for approval this period, and which it
 * did not. Editors and approvers mark a tier or the whole trust ready, and can take the mark back.
 */
export function Handoff({ odsCode, period, canMark }: { odsCode: string; period: string; canMark: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.handoff.status.queryOptions({ odsCode, period }));
  const refresh = () => queryClient.invalidateQueries();
  const mark = useMutation(trpc.handoff.markReady.mutationOptions({ onSuccess: refresh }));
  const takeBack = useMutation(trpc.handoff.takeBack.mutationOptions({ onSuccess: refresh }));
  if (!status.data) return null;
  const s = status.data;
  const busy = mark.isPending || takeBack.isPending;
  const failure = mark.error ?? takeBack.error;
  return (
    <section aria-labelledby="handoff-heading" className="realise-handoff">
      <h2 id="handoff-heading">Ready for approval ({period})</h2>
      {failure && (
        <p className="nhsuk-error-message" role="alert">
          {failure.message}
        </p>
      )}
      <p>
        {s.trustReady
          ? "The whole trust is marked ready for approval."
          : s.notReady.length === 0
            ? "Every tier is marked ready for approval."
            : `Not yet ready: ${s.notReady.map((t) => `tier ${t}`).join(", ")}.`}
      </p>
      <ul className="nhsuk-list">
        {s.tiers.map((t) => (
          <li key={t.tier}>
            Tier {t.tier}: {t.name}{" "}
            {t.ready ? <Tag modifier="green">Ready</Tag> : <Tag modifier="grey">Not ready</Tag>}
            {t.markedBy && <span className="nhsuk-body-s"> (marked by {t.markedBy})</span>}{" "}
            {canMark && !s.trustReady && (
              <Button
                secondary
                small
                disabled={busy}
                onClick={() => (t.ready ? takeBack : mark).mutate({ odsCode, period, tier: t.tier })}
              >
                {t.ready ? `Take back tier ${t.tier}` : `Mark tier ${t.tier} ready`}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {canMark && (
        <Button
          secondary={s.trustReady}
          disabled={busy}
          onClick={() => (s.trustReady ? takeBack : mark).mutate({ odsCode, period })}
        >
          {s.trustReady ? "Take back: the trust is not ready" : "Mark the whole trust ready for approval"}
        </Button>
      )}
      {(mark.isSuccess || takeBack.isSuccess) && (
        <p role="status" className="realise-done">
          {mark.isSuccess && mark.data.ready ? "Marked ready for approval." : "Mark taken back."}
        </p>
      )}
    </section>
  );
}
