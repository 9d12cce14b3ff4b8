import { Layout, type NavItem } from "@realise/ui";
import { InsetText } from "nhsuk-react-components";
import { Outlet, useLocation } from "react-router";
import { accountArea, isTrustRole, NotForTrustStaff, useSignOut } from "./Account";
import { useMe } from "./session";

/** The pages an ICB or region viewer may use: the national views, narrowed to their trusts, read-only. */
const OVERSIGHT_PAGES = new Set([
  "/admin/",
  "/admin/heatmap",
  "/admin/returns",
  "/admin/collections",
  "/admin/benefits",
]);

/** Who an ICB or region viewer oversees, in words, or null for other roles. */
function oversightOf(
  me: { role: string; icbCode?: string | null; region?: string | null } | null | undefined,
) {
  if (me?.role === "icb_viewer") return `the trusts of ICB ${me.icbCode ?? ""}`.trim();
  if (me?.role === "region_viewer") return `the trusts of the ${me.region ?? ""} region`;
  return null;
}

export function AppLayout() {
  const { pathname } = useLocation();
  const session = useMe();
  const me = session.data;
  const signOut = useSignOut();
  const trustStaff = me != null && isTrustRole(me.role);
  const oversees = oversightOf(me);
  const nav: NavItem[] = [
    { href: "/admin/", text: "Overview", current: pathname === "/" },
    { href: "/admin/heatmap", text: "Heatmap", current: pathname === "/heatmap" },
    { href: "/admin/returns", text: "Returns", current: pathname.startsWith("/returns") },
    { href: "/admin/collections", text: "Collections", current: pathname.startsWith("/collections") },
    { href: "/admin/snapshots", text: "Official figures", current: pathname === "/snapshots" },
    { href: "/admin/summary", text: "Registry summary", current: pathname === "/summary" },
    { href: "/admin/benefits", text: "Benefits and plans", current: pathname === "/benefits" },
    { href: "/admin/frameworks", text: "Framework", current: pathname.startsWith("/frameworks") },
    { href: "/admin/registry", text: "Registry", current: pathname.startsWith("/registry") },
    { href: "/admin/accounts", text: "Accounts", current: pathname.startsWith("/accounts") },
    { href: "/admin/audit", text: "Audit log", current: pathname === "/audit" },
    { href: "/admin/security", text: "Security", current: pathname.startsWith("/security") },
    { href: "/", text: "Trust app" },
  ];
  return (
    // The header's script rearranges the menu's items, so a different menu is a new header, not an update.
    <Layout
      key={trustStaff ? "trust-staff" : oversees ? "oversight" : "national"}
      serviceName="Realise national view"
      serviceHref="/admin/"
      account={accountArea(me, session.isPending, signOut)}
      nav={
        trustStaff
          ? [{ href: "/", text: "Trust app" }]
          : oversees
            ? nav.filter((n) => OVERSIGHT_PAGES.has(n.href))
            : nav
      }
    >
      {oversees ? (
        <InsetText className="realise-no-print">
          <p>You see {oversees}, as at today's ICB membership, read-only.</p>
        </InsetText>
      ) : null}
      {trustStaff ? <NotForTrustStaff odsCode={me.odsCode} /> : <Outlet />}
    </Layout>
  );
}
