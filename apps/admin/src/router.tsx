import { createBrowserRouter, type RouteObject } from "react-router";
import { RouteError } from "@realise/ui";
import { AppLayout } from "./AppLayout";
import { nationalIndex, nationalRoutes } from "./pages/national/routes";
import { NotFound } from "./pages/NotFound";
import { frameworkRoutes } from "./pages/frameworks/routes";
import { registryRoutes } from "./pages/registry/routes";
import { accountRoutes } from "./pages/accounts/routes";
import { benefitsRoutes } from "./pages/benefits/routes";
import { collectionRoutes } from "./pages/collections/routes";
import { auditRoutes } from "./pages/audit/routes";
import { securityRoutes } from "./pages/security/routes";

export const routes: RouteObject[] = [
  {
    path: "/",
    element: <AppLayout />,
    errorElement: <RouteError serviceName="Realise national view" home="/admin/" />,
    children: [
      nationalIndex,
      ...nationalRoutes,
      ...frameworkRoutes,
      ...registryRoutes,
      ...accountRoutes,
      ...benefitsRoutes,
      ...collectionRoutes,
      ...auditRoutes,
      ...securityRoutes,
      { path: "*", element: <NotFound />, handle: { title: "Page not found" } },
    ],
  },
];

export const router = createBrowserRouter(routes, { basename: "/admin" });
