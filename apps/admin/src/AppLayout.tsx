import { Layout } from "@realise/ui";
import { Outlet, useLocation } from "react-router";

export function AppLayout() {
  const { pathname } = useLocation();
  return (
    <Layout
      serviceName="Realise national view"
      serviceHref="/admin/"
      nav={[
        { href: "/admin/", text: "Summary", current: pathname === "/" },
        { href: "/", text: "Trust app" },
      ]}
    >
      <Outlet />
    </Layout>
  );
}
