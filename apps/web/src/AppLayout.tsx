import { Layout } from "@realise/ui";
import { Outlet, useLocation } from "react-router";

export function AppLayout() {
  const { pathname } = useLocation();
  return (
    <Layout
      serviceName="Realise"
      serviceHref="/"
      nav={[
        { href: "/", text: "Trusts", current: pathname === "/" || pathname.startsWith("/trusts") },
        { href: "/admin/", text: "National view" },
      ]}
    >
      <Outlet />
    </Layout>
  );
}
