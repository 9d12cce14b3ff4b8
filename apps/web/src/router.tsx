import { createBrowserRouter, type RouteObject } from "react-router";
import { AppLayout } from "./AppLayout";
import { lazyPage } from "./components/Lazy";
import { NotFound } from "./pages/NotFound";
import { SignIn } from "./pages/SignIn";
import { TrustList } from "./pages/TrustList";
import { TrustPage } from "./pages/TrustPage";

export const routes: RouteObject[] = [
  {
    path: "/",
    element: <AppLayout />,
    children: [
      { index: true, element: <TrustList /> },
      { path: "sign-in", element: <SignIn /> },
      { path: "trusts/:odsCode", element: <TrustPage /> },
      {
        path: "trusts/:odsCode/dashboard",
        element: lazyPage(() => import("./pages/dashboard/DashboardPage"), "the dashboard"),
      },
      {
        path: "trusts/:odsCode/functionalities/:code",
        element: lazyPage(() => import("./pages/functionality/FunctionalityPage"), "the form"),
      },
      {
        path: "trusts/:odsCode/benefits/*",
        element: lazyPage(() => import("./pages/benefits/BenefitsRoutes"), "the benefits register"),
      },
      { path: "trusts/:odsCode/plan", element: lazyPage(() => import("./pages/plans/PlanPage"), "the plan") },
      {
        path: "trusts/:odsCode/systems",
        element: lazyPage(() => import("./pages/systems/ConnectedSystemsPage"), "the connected systems"),
        handle: { title: "Connected systems" },
      },
      { path: "*", element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
