import { Loading } from "@realise/ui";
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";

const SecurityEvents = lazy(() => import("./SecurityEvents"));

/** The security page: sign-in attacks and the audit chain's last verification. */
export const securityRoutes: RouteObject[] = [
  {
    path: "security",
    element: (
      <Suspense fallback={<Loading what="security" />}>
        <SecurityEvents />
      </Suspense>
    ),
  },
];
