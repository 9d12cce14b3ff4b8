import { createBrowserRouter, type RouteObject, type Params } from "react-router";
import { RouteError } from "@realise/ui";
import { AppLayout } from "./AppLayout";
import { lazyPage } from "./components/Lazy";
import { HelpPage } from "./pages/HelpPage";
import { NotFound } from "./pages/NotFound";
import { SignIn } from "./pages/SignIn";
import { TrustList } from "./pages/TrustList";
import { TrustPage } from "./pages/TrustPage";

// Every route names its page in `handle.title` (the layout makes it the document title); pages that
// load a trust or functionality refine it with its name through `usePageTitle`.
export const routes: RouteObject[] = [
  {
    path: "/",
    element: <AppLayout />,
    errorElement: <RouteError serviceName="Realise" home="/" />,
    children: [
      { index: true, element: <TrustList />, handle: { title: "Trusts" } },
      { path: "sign-in", element: <SignIn />, handle: { title: "Sign in" } },
      { path: "help", element: <HelpPage />, handle: { title: "How Realise measures EPR adoption" } },
      {
        path: "trusts/:odsCode",
        element: <TrustPage />,
        handle: { title: ({ odsCode }: Params) => `Trust ${odsCode ?? ""}` },
      },
      {
        path: "trusts/:odsCode/dashboard",
        element: lazyPage(() => import("./pages/dashboard/DashboardPage"), "the dashboard"),
        handle: { title: ({ odsCode }: Params) => `Adoption dashboard: ${odsCode?.toUpperCase() ?? ""}` },
      },
      {
        path: "trusts/:odsCode/functionalities/:code",
        element: lazyPage(() => import("./pages/functionality/FunctionalityPage"), "the form"),
        handle: {
          title: ({ odsCode, code }: Params) =>
            `${code?.toUpperCase() ?? ""}: ${odsCode?.toUpperCase() ?? ""}`,
        },
      },
      {
        path: "trusts/:odsCode/benefits/*",
        element: lazyPage(() => import("./pages/benefits/BenefitsRoutes"), "the benefits register"),
        handle: { title: ({ odsCode }: Params) => `Benefits register: ${odsCode?.toUpperCase() ?? ""}` },
      },
      {
        path: "trusts/:odsCode/plan",
        element: lazyPage(() => import("./pages/plans/PlanPage"), "the plan"),
        handle: { title: ({ odsCode }: Params) => `Plan and forecast: ${odsCode?.toUpperCase() ?? ""}` },
      },
      {
        path: "trusts/:odsCode/team",
        element: lazyPage(() => import("./pages/team/TeamPage"), "the team"),
        handle: { title: "Team" },
      },
      {
        path: "my-work",
        element: lazyPage(() => import("./pages/team/MyWorkPage"), "your work"),
        handle: { title: "My work" },
      },
      {
        path: "invitations/:token",
        element: lazyPage(() => import("./pages/account/AcceptInvitation"), "the invitation"),
        handle: { title: "Accept your invitation" },
      },
      {
        path: "reset-password/:token",
        element: lazyPage(() => import("./pages/account/ResetPassword"), "the form"),
        handle: { title: "Choose a new password" },
      },
      {
        path: "forgot-password",
        element: lazyPage(() => import("./pages/account/ForgotPassword"), "the form"),
        handle: { title: "Reset your password" },
      },
      {
        path: "account/password",
        element: lazyPage(() => import("./pages/account/ChangePassword"), "the form"),
        handle: { title: "Change your password" },
      },
      {
        path: "trusts/:odsCode/systems",
        element: lazyPage(() => import("./pages/systems/ConnectedSystemsPage"), "the connected systems"),
        handle: { title: "Connected systems" },
      },
      { path: "*", element: <NotFound />, handle: { title: "Page not found" } },
    ],
  },
];

export const router = createBrowserRouter(routes);
