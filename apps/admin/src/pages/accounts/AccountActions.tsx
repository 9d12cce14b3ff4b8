import { useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "nhsuk-react-components";
import { useState } from "react";

/**
 * A row's account lifecycle: disable (its sessions end at once) or enable, email a password reset link,
 * rename. Each says what happened, in the row.
 */
export function AccountActions({
  account,
}: {
  account: { userId: string; email: string; name: string; disabledAt: Date | string | null };
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [said, setSaid] = useState<string | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(account.name);
  const outcome = (message: string) => ({
    onSuccess: () => {
      setSaid(message);
      setRenaming(false);
      return queryClient.invalidateQueries();
    },
    onError: (e: { message: string }) => setSaid(e.message),
  });
  const disabled = account.disabledAt !== null;
  const disable = useMutation(
    trpc.accounts.disable.mutationOptions(outcome(`${account.email} disabled: every session ended.`)),
  );
  const enable = useMutation(
    trpc.accounts.enable.mutationOptions(outcome(`${account.email} enabled again.`)),
  );
  const reset = useMutation(
    trpc.accounts.resetPassword.mutationOptions(outcome(`Password reset link emailed to ${account.email}.`)),
  );
  const rename = useMutation(trpc.accounts.rename.mutationOptions(outcome("Name changed.")));
  const busy = disable.isPending || enable.isPending || reset.isPending || rename.isPending;
  return (
    <div className="realise-buttons">
      <Button
        secondary
        small
        disabled={busy}
        onClick={() => (disabled ? enable : disable).mutate({ userId: account.userId })}
      >
        {disabled ? "Enable" : "Disable"}
        <span className="nhsuk-u-visually-hidden"> {account.email}</span>
      </Button>
      {!disabled && (
        <Button secondary small disabled={busy} onClick={() => reset.mutate({ userId: account.userId })}>
          Send password reset link<span className="nhsuk-u-visually-hidden"> to {account.email}</span>
        </Button>
      )}
      {renaming ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate({ userId: account.userId, name });
          }}
        >
          <label className="nhsuk-label" htmlFor={`name-${account.userId}`}>
            New name for {account.email}
          </label>
          <input
            id={`name-${account.userId}`}
            className="nhsuk-input nhsuk-input--width-20"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Button small type="submit" disabled={busy}>
            Save name
          </Button>
        </form>
      ) : (
        <Button secondary small disabled={busy} onClick={() => setRenaming(true)}>
          Rename<span className="nhsuk-u-visually-hidden"> {account.email}</span>
        </Button>
      )}
      {said && (
        <p className="nhsuk-body-s" role="status">
          {said}
        </p>
      )}
    </div>
  );
}
