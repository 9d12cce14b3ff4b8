import { FormErrorSummary, useSchemaForm, useTRPC } from "@realise/ui";
import { useQueryClient } from "@tanstack/react-query";
import { Button, TextInput } from "nhsuk-react-components";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { homeOf, safeNext } from "../session";

type Field = "email" | "password";
interface Problem {
  field?: Field;
  message: string;
}

/** What better-auth's answer means for the person signing in. */
async function problemOf(response: Response): Promise<Problem> {
  if (response.status === 429) {
    const wait = Number(response.headers.get("x-retry-after"));
    return {
      message: `Too many sign-in attempts. Wait ${Number.isFinite(wait) && wait > 0 ? `${Math.ceil(wait)} seconds` : "a few seconds"} and try again`,
    };
  }
  if (response.status === 403) {
    // A disabled account (a leaver) is told so, not that the password is wrong.
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { message?: string } | null;
    if (body?.message?.includes("disabled")) return { message: body.message };
  }
  if (response.status === 401 || response.status === 403) {
    return { field: "password", message: "Email address or password is not right. Check them and try again" };
  }
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (body?.code === "INVALID_EMAIL") return { field: "email", message: "Enter a valid email address" };
  return { message: body?.message ?? `Sign-in failed (HTTP ${response.status}); try again` };
}

/** Sign in with email and password; staff land on their trust's dashboard, the national team on /admin/. */
export function SignIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  // Not a tRPC procedure (better-auth's endpoint), so the fields check themselves.
  const form = useSchemaForm({ defaultValues: { email: "", password: "" } });
  const [busy, setBusy] = useState(false);

  const onSubmit = form.onSubmit(async ({ email, password }) => {
    setBusy(true);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: email.trim(), password }),
        credentials: "same-origin",
      });
      if (!response.ok) {
        const problem = await problemOf(response);
        form.reject(problem.field ?? null, problem.message);
        return;
      }
      await queryClient.invalidateQueries();
      const me = await queryClient.fetchQuery({ ...trpc.session.me.queryOptions(), staleTime: 0 });
      // A full load, so every cached answer from before sign-in is gone and the national app can take over.
      window.location.assign(safeNext(params.get("next")) ?? (me ? homeOf(me) : "/"));
    } catch {
      form.reject(null, "Could not reach Realise. Check your connection and try again");
    } finally {
      setBusy(false);
    }
  });

  return (
    <>
      <FormErrorSummary {...form.summary} />
      <h1>Sign in</h1>
      <p>Sign in with the account your trust or the national team gave you.</p>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          {...form.field("email", "text", {
            validate: (v) => String(v).trim() !== "" || "Enter your email address",
          })}
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          width={30}
        />
        <TextInput
          {...form.field("password", "text", { required: "Enter your password" })}
          type="password"
          label="Password"
          autoComplete="current-password"
          width={20}
        />
        <Button type="submit" disabled={busy}>
          Sign in
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </>
  );
}
