import { Loading } from "@realise/ui";
import { type ComponentType, lazy, Suspense } from "react";
import type { RouteObject } from "react-router";

// Chart-heavy pages load on demand, so the first page's JavaScript stays small.
function page(load: () => Promise<{ default: ComponentType }>, what: string) {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Loading what={what} />}>
      <Page />
    </Suspense>
  );
}

/** The national team's views: overview (home), heatmap, returns and snapshots. */
export const nationalIndex: RouteObject = {
  index: true,
  element: page(() => import("./NationalOverview"), "the national overview"),
};

export const nationalRoutes: RouteObject[] = [
  { path: "heatmap", element: page(() => import("./HeatmapPage"), "the heatmap") },
  { path: "trusts/:odsCode", element: page(() => import("../trusts/TrustRecord"), "the trust's record") },
  { path: "returns", element: page(() => import("../returns/ReturnsQueue"), "returns") },
  { path: "returns/:odsCode/:period", element: page(() => import("../returns/ReturnDetail"), "the return") },
  {
    path: "summary",
    element: page(
      () => import("../NationalSummary").then((m) => ({ default: m.NationalSummary })),
      "the registry summary",
    ),
  },
  { path: "snapshots", element: page(() => import("../snapshots/SnapshotsPage"), "snapshots") },
];
