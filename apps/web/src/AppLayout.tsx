import { Layout } from "@realise/ui";
import { useQueryClient } from "@tanstack/react-query";
import { Header } from "nhsuk-react-components";
import type { FormEvent } from "react";
import { Outlet, useLocation } from "react-router";
import { isNational, roleLabel, useMe } from "./session";

export function AppLayout() {
  const { pathname } = useLocation();
  const session = useMe();
  const me = session.data ?? null;
  const queryClient = useQueryClient();
  /** The signed-in trust staff member's own trust, if any. */
  const myTrust = me && !isNational(me) ? me.odsCode : null;
  const inMyTrust = myTrust !== null && pathname.startsWith(`/trusts/${myTrust}`);

  const signOut = async (event: FormEvent) => {
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

  return (
    <Layout
      serviceName="Realise"
      serviceHref="/"
      account={
        // Header finds its account area by element type, so this must be Header.Account itself.
        session.isPending ? undefined : (
          <Header.Account aria-label="Your account">
            {me ? (
              <>
                <Header.AccountItem icon>
                  {me.name} ({roleLabel(me.role)}
                  {me.odsCode ? `, ${me.odsCode}` : ""})
                </Header.AccountItem>
                <Header.AccountItem href="/account/password">Change password</Header.AccountItem>
                <Header.AccountItem formProps={{ onSubmit: signOut }} type="submit">
                  Sign out
                </Header.AccountItem>
              </>
            ) : (
              <Header.AccountItem href="/sign-in">Sign in</Header.AccountItem>
            )}
          </Header.Account>
        )
      }
      nav={[
        {
          href: "/",
          text: "Trusts",
          current: !inMyTrust && (pathname === "/" || pathname.startsWith("/trusts")),
        },
        ...(myTrust ? [{ href: `/trusts/${myTrust}/dashboard`, text: "My trust", current: inMyTrust }] : []),
        ...(myTrust ? [{ href: "/my-work", text: "My work", current: pathname === "/my-work" }] : []),
        // Trust staff may not use the national app: it is offered only to accounts with no trust of their own.
        ...(me && !myTrust && (isNational(me) || !me.odsCode)
          ? [{ href: "/admin/", text: "National view" }]
          : []),
        { href: "/help", text: "Help", current: pathname === "/help" },
      ]}
    >
      <Outlet />
    </Layout>
  );
}
