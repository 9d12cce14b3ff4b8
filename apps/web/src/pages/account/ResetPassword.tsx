import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, TextInput } from "nhsuk-react-components";
import { Link, useParams } from "react-router";

/** A new password from the emailed reset link (it works once, for an hour). */
export default function ResetPassword() {
  const { token = "" } = useParams();
  const trpc = useTRPC();
  // contract: account.resetPassword; strength is checked on the server.
  const form = useSchemaForm({ defaultValues: { password: "" } });
  const reset = useMutation(trpc.account.resetPassword.mutationOptions({ onError: form.failed }));

  if (reset.data)
    return (
      <>
        <h1>Your password has been changed</h1>
        <p role="status">You have been signed out everywhere. Sign in with your new password.</p>
        <Link className="nhsuk-button" to="/sign-in">
          Sign in
        </Link>
      </>
    );
  return (
    <>
      <FormErrorSummary {...form.summary} />
      <h1>Choose a new password</h1>
      <form noValidate onSubmit={form.onSubmit((v) => reset.mutate({ token, password: v.password }))}>
        {form.errorOf("token") && (
          <p className="nhsuk-error-message" id={form.idOf("token")}>
            {form.errorOf("token")} <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        )}
        <TextInput
          {...form.field("password", "text", { validate: (v) => String(v) !== "" || "Enter a new password" })}
          type="password"
          label="New password"
          hint="At least 10 characters: a few uncommon words together work well"
          autoComplete="new-password"
          width={30}
        />
        <Button type="submit" disabled={reset.isPending}>
          Change password
        </Button>
      </form>
    </>
  );
}
