import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, TextInput } from "nhsuk-react-components";

/** Change one's own password: the current one is checked, and every other session ends. */
export default function ChangePassword() {
  const trpc = useTRPC();
  // contract: account.changePassword; strength is checked on the server.
  const form = useSchemaForm({ defaultValues: { currentPassword: "", newPassword: "" } });
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onError: form.failed,
      onSuccess: () => form.form.reset({ currentPassword: "", newPassword: "" }),
    }),
  );
  const required = (what: string) => ({ validate: (v: unknown) => String(v) !== "" || `Enter ${what}` });
  return (
    <>
      <FormErrorSummary {...form.summary} />
      <h1>Change your password</h1>
      {change.data && (
        <p className="realise-done" role="status">
          Your password has been changed.{" "}
          {change.data.otherSessionsEnded > 0
            ? `You have been signed out of ${change.data.otherSessionsEnded} other ${change.data.otherSessionsEnded === 1 ? "session" : "sessions"}.`
            : "You had no other sessions."}
        </p>
      )}
      <form noValidate onSubmit={form.onSubmit((v) => change.mutate(v))}>
        <TextInput
          {...form.field("currentPassword", "text", required("your current password"))}
          type="password"
          label="Current password"
          autoComplete="current-password"
          width={30}
        />
        <TextInput
          {...form.field("newPassword", "text", required("a new password"))}
          type="password"
          label="New password"
          hint="At least 10 characters: a few uncommon words together work well"
          autoComplete="new-password"
          width={30}
        />
        <Button type="submit" disabled={change.isPending}>
          Change password
        </Button>
      </form>
    </>
  );
}
