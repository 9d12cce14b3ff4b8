import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, TextInput } from "nhsuk-react-components";
import { Link, useParams } from "react-router";

/** The invitee sets their name and password from the emailed link, then signs in. */
export default function AcceptInvitation() {
  const { token = "" } = useParams();
  const trpc = useTRPC();
  // contract: team.acceptInvitation; its password strength is checked on the server with the account's words.
  const form = useSchemaForm({ defaultValues: { name: "", password: "" } });
  const accept = useMutation(trpc.team.acceptInvitation.mutationOptions({ onError: form.failed }));

  if (accept.data)
    return (
      <>
        <h1>Your account is ready</h1>
        <p role="status">
          You have joined trust {accept.data.odsCode}. Sign in with {accept.data.email} and the password you
          chose.
        </p>
        <Link className="nhsuk-button" to="/sign-in">
          Sign in
        </Link>
      </>
    );
  return (
    <>
      <FormErrorSummary {...form.summary} />
      <h1>Accept your invitation</h1>
      <p>
        Choose a password for your Realise account. Use at least 10 characters: a few uncommon words together
        work well.
      </p>
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          accept.mutate({ token, password: v.password, ...(v.name.trim() ? { name: v.name.trim() } : {}) }),
        )}
      >
        {form.errorOf("token") && (
          <p className="nhsuk-error-message" id={form.idOf("token")}>
            {form.errorOf("token")}
          </p>
        )}
        <TextInput {...form.field("name")} label="Your name" autoComplete="name" width={30} />
        <TextInput
          {...form.field("password", "text", { validate: (v) => String(v) !== "" || "Enter a password" })}
          type="password"
          label="Password"
          autoComplete="new-password"
          width={30}
        />
        <Button type="submit" disabled={accept.isPending}>
          Create my account
        </Button>
      </form>
    </>
  );
}
