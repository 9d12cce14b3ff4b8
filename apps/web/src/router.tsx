import { createBrowserRouter, type RouteObject } from "react-router";
import { AppLayout } from "./AppLayout";
import { NotFound } from "./pages/NotFound";
import { TrustList } from "./pages/TrustList";
import { TrustPage } from "./pages/TrustPage";

export const routes: RouteObject[] = [
  {
    path: "/",
    element: <AppLayout />,
    children: [
      { index: true, element: <TrustList /> },
      { path: "trusts/:odsCode", element: <TrustPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
