import { useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Textarea, WarningCallout } from "nhsuk-react-components";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { RegisterLine } from "./format";

/**
 * Withdraw a benefit from the register, after confirming and saying why. The line stays in the history and
 * leaves every total and forecast.
 */
export function WithdrawLine({ odsCode, line }: { odsCode: string; line: RegisterLine }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const withdraw = useMutation(
    trpc.benefits.withdraw.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        navigate(`/trusts/${odsCode}/benefits`, {
          state: { notice: `“${line.title}” was withdrawn. It is out of the totals; the history keeps it.` },
        });
      },
      onError: (error) => {
        setProblem(error.message.replace(/^reason: /, ""));
        void queryClient.invalidateQueries();
      },
    }),
  );
  if (!open) {
    return (
      <Button type="button" secondary onClick={() => setOpen(true)}>
        Withdraw this benefit
      </Button>
    );
  }
  const submit = () => {
    if (reason.trim().length < 3) {
      setProblem("Say why the benefit is withdrawn (at least 3 characters)");
      return;
    }
    setProblem(null);
    withdraw.mutate({ odsCode, id: line.id, expectedVersion: line.version, reason: reason.trim() });
  };
  return (
    <WarningCallout>
      <WarningCallout.Heading>Withdraw “{line.title}”?</WarningCallout.Heading>
      <p>
        It leaves the register's totals, the forecasts and the national figures. Its actuals and every change
        stay in the history.
      </p>
      <Textarea
        id="withdraw-reason"
        label="Why is it withdrawn?"
        hint="For example, counted in another line, or no longer expected"
        value={reason}
        error={problem ?? undefined}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)}
        rows={2}
      />
      <div className="nhsuk-button-group">
        <Button type="button" warning disabled={withdraw.isPending} onClick={submit}>
          Yes, withdraw it
        </Button>
        <Button
          type="button"
          secondary
          onClick={() => {
            setOpen(false);
            setProblem(null);
          }}
        >
          Cancel
        </Button>
      </div>
    </WarningCallout>
  );
}
