import { useTRPC } from "@realise/ui";
import { useQueryClient } from "@tanstack/react-query";
import { Button, ErrorSummary, TextInput } from "nhsuk-react-components";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
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
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const missing: Problem[] = [];
    if (!email.trim()) missing.push({ field: "email", message: "Enter your email address" });
    if (!password) missing.push({ field: "password", message: "Enter your password" });
    setProblems(missing);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: email.trim(), password }),
        credentials: "same-origin",
      });
      if (!response.ok) {
        setProblems([await problemOf(response)]);
        return;
      }
      await queryClient.invalidateQueries();
      const me = await queryClient.fetchQuery({ ...trpc.session.me.queryOptions(), staleTime: 0 });
      // A full load, so every cached answer from before sign-in is gone and the national app can take over.
      window.location.assign(safeNext(params.get("next")) ?? (me ? homeOf(me) : "/"));
    } catch {
      setProblems([{ message: "Could not reach Realise. Check your connection and try again" }]);
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: Field) => problems.find((p) => p.field === field)?.message;

  return (
    <>
      {problems.length > 0 && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
          <ErrorSummary.List>
            {problems.map((p) =>
              p.field ? (
                <ErrorSummary.ListItem key={p.message} href={`#${p.field}`}>
                  {p.message}
                </ErrorSummary.ListItem>
              ) : (
                <li key={p.message}>{p.message}</li>
              ),
            )}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <h1>Sign in</h1>
      <p>Sign in with the account your trust or the national team gave you.</p>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errorFor("email")}
          width={30}
        />
        <TextInput
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errorFor("password")}
          width={20}
        />
        <Button type="submit" disabled={busy}>
          Sign in
        </Button>
      </form>
    </>
  );
}
