import { AccountRequestResetInput } from "@realise/api/contracts";
import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, TextInput } from "nhsuk-react-components";

/** Ask for a reset link by email; the answer is the same whether or not an account uses the address. */
export default function ForgotPassword() {
  const trpc = useTRPC();
  const form = useSchemaForm({ schema: AccountRequestResetInput, defaultValues: { email: "" } });
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions({ onError: form.failed }));
  return (
    <>
      <FormErrorSummary {...form.summary} />
      <h1>Reset your password</h1>
      {request.data ? (
        <p role="status">{request.data.message}</p>
      ) : (
        <form noValidate onSubmit={form.onSubmit((v) => request.mutate(v))}>
          <TextInput
            {...form.field("email")}
            type="email"
            label="Email address"
            hint="We will email a link to reset your password"
            autoComplete="username"
            spellCheck={false}
            width={30}
          />
          <Button type="submit" disabled={request.isPending}>
            Send reset link
          </Button>
        </form>
      )}
    </>
  );
}
