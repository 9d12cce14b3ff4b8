import { useQueryClient } from "@tanstack/react-query";
import { Header } from "nhsuk-react-components";
import type { FormEvent } from "react";
import type { useMe } from "./session";

const ROLE_LABELS: Record<string, string> = {
  trust_viewer: "trust viewer",
  trust_editor: "trust editor",
  trust_approver: "trust approver",
  national_admin: "national administrator",
  national_analyst: "national analyst",
};
export const roleLabel = (role: string) => ROLE_LABELS[role] ?? role.replaceAll("_", " ");

/** Trust roles are bound to one trust; they have nothing to do in the national view. */
export const isTrustRole = (role: string) => role.startsWith("trust_");

type Me = NonNullable<ReturnType<typeof useMe>["data"]>;

/** The signed-in user and a sign-out in the national header (Header finds it by element type). */
export function accountArea(me: Me | null | undefined, pending: boolean, signOut: (e: FormEvent) => void) {
  if (pending) return undefined;
  return (
    <Header.Account aria-label="Your account">
      {me ? (
        <>
          <Header.AccountItem icon>
            {me.name} ({roleLabel(me.role)}
            {me.odsCode ? `, ${me.odsCode}` : ""})
          </Header.AccountItem>
          <Header.AccountItem formProps={{ onSubmit: signOut }} type="submit">
            Sign out
          </Header.AccountItem>
        </>
      ) : (
        <Header.AccountItem href="/sign-in?next=%2Fadmin%2F">Sign in</Header.AccountItem>
      )}
    </Header.Account>
  );
}

/** Ends the session, forgets every cached answer, and goes to the trust app's front page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return async (event: FormEvent) => {
    event.preventDefault();
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      credentials: "same-origin",
    }).catch(() => undefined);
    queryClient.clear();
    window.location.assign("/");
  };
}

/** What a trust's own staff see at /admin/: who it is for, and the way to their trust. */
export function NotForTrustStaff({ odsCode }: { odsCode: string | null }) {
  return (
    <>
      <h1>The national view is for the national team</h1>
      <p className="nhsuk-body">
        You are signed in with a trust account, so the national pages are not open to you. Your trust's
        records, benefits and plan are in the trust app.
      </p>
      <p className="nhsuk-body">
        {odsCode ? (
          <a href={`/trusts/${odsCode}/dashboard`}>Go to your trust's dashboard</a>
        ) : (
          <a href="/">Go to the trust app</a>
        )}
      </p>
    </>
  );
}
