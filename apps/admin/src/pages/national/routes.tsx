import { Loading } from "@realise/ui";
import { type ComponentType, lazy, Suspense } from "react";
import type { Params, RouteObject } from "react-router";

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
  handle: { title: "National overview" },
  element: page(() => import("./NationalOverview"), "the national overview"),
};

export const nationalRoutes: RouteObject[] = [
  {
    path: "heatmap",
    element: page(() => import("./HeatmapPage"), "the heatmap"),
    handle: { title: "Heatmap" },
  },
  {
    path: "drill",
    element: page(() => import("./drill/DrillDown"), "the drill-down"),
    handle: { title: "Drill-down by region and ICB" },
  },
  {
    path: "compare",
    element: page(() => import("./drill/ComparePeriods"), "the period comparison"),
    handle: { title: "Compare two official periods" },
  },
  {
    path: "trusts/:odsCode",
    element: page(() => import("../trusts/TrustRecord"), "the trust's record"),
    handle: { title: ({ odsCode }: Params) => `Trust record: ${odsCode ?? ""}` },
  },
  {
    path: "returns",
    element: page(() => import("../returns/ReturnsQueue"), "returns"),
    handle: { title: "Returns" },
  },
  {
    path: "returns/:odsCode/:period",
    element: page(() => import("../returns/ReturnDetail"), "the return"),
    handle: { title: ({ odsCode, period }: Params) => `Return: ${odsCode ?? ""}, ${period ?? ""}` },
  },
  {
    path: "summary",
    handle: { title: "Registry summary" },
    element: page(
      () => import("../NationalSummary").then((m) => ({ default: m.NationalSummary })),
      "the registry summary",
    ),
  },
  {
    path: "snapshots",
    element: page(() => import("../snapshots/SnapshotsPage"), "snapshots"),
    handle: { title: "Official figures" },
  },
];
