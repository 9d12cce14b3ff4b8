import { Loading } from "@realise/ui";
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";

const BenefitsNational = lazy(() => import("./BenefitsNational"));

/** Benefits and plans across the nation, loaded on demand (charts stay out of the first download). */
export const benefitsRoutes: RouteObject[] = [
  {
    path: "benefits",
    handle: { title: "Benefits and plans" },
    element: (
      <Suspense fallback={<Loading what="benefits and plans" />}>
        <BenefitsNational />
      </Suspense>
    ),
  },
];
