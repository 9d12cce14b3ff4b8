import { Layout } from "@realise/ui";
import { Outlet, useLocation } from "react-router";
import { accountArea, isTrustRole, NotForTrustStaff, useSignOut } from "./Account";
import { useMe } from "./session";

export function AppLayout() {
  const { pathname } = useLocation();
  const session = useMe();
  const me = session.data;
  const signOut = useSignOut();
  const trustStaff = me != null && isTrustRole(me.role);
  return (
    // The header's script moves menu items it cannot fit into "More", so a different menu is a new header.
    <Layout
      key={trustStaff ? "trust-staff" : "national"}
      serviceName="Realise national view"
      serviceHref="/admin/"
      account={accountArea(me, session.isPending, signOut)}
      nav={
        trustStaff
          ? [{ href: "/", text: "Trust app" }]
          : [
              { href: "/admin/", text: "Overview", current: pathname === "/" },
              { href: "/admin/heatmap", text: "Heatmap", current: pathname === "/heatmap" },
              { href: "/admin/returns", text: "Returns", current: pathname.startsWith("/returns") },
              {
                href: "/admin/collections",
                text: "Collections",
                current: pathname.startsWith("/collections"),
              },
              { href: "/admin/snapshots", text: "Official figures", current: pathname === "/snapshots" },
              { href: "/admin/summary", text: "Registry summary", current: pathname === "/summary" },
              { href: "/admin/benefits", text: "Benefits and plans", current: pathname === "/benefits" },
              { href: "/admin/frameworks", text: "Framework", current: pathname.startsWith("/frameworks") },
              { href: "/admin/registry", text: "Registry", current: pathname.startsWith("/registry") },
              { href: "/admin/accounts", text: "Accounts", current: pathname.startsWith("/accounts") },
              { href: "/", text: "Trust app" },
            ]
      }
    >
      {trustStaff ? <NotForTrustStaff odsCode={me.odsCode} /> : <Outlet />}
    </Layout>
  );
}
