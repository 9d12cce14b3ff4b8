import { Layout } from "@realise/ui";
import { Outlet, useLocation } from "react-router";

export function AppLayout() {
  const { pathname } = useLocation();
  return (
    <Layout
      serviceName="Realise national view"
      serviceHref="/admin/"
      nav={[
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
        { href: "/admin/security", text: "Security", current: pathname.startsWith("/security") },
        { href: "/", text: "Trust app" },
      ]}
    >
      <Outlet />
    </Layout>
  );
}
