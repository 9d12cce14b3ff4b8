import { Loading } from "@realise/ui";
import { lazy, Suspense } from "react";
import type { Params, RouteObject } from "react-router";
import { Crosswalk } from "./Crosswalk";
import { Diff } from "./Diff";
import { DraftDetails } from "./DraftDetails";
import { EditCriterion } from "./EditCriterion";
import { EditFunctionality } from "./EditFunctionality";
import { EditMilestone } from "./EditMilestone";
import { FrameworkList } from "./FrameworkList";
import { FrameworkVersion } from "./FrameworkVersion";
import { Publish } from "./Publish";

// The effect preview draws a chart: load it on demand so echarts stays out of the first download.
const DraftEffect = lazy(() => import("./DraftEffect").then((m) => ({ default: m.DraftEffect })));

/** The framework administration pages, under /admin/frameworks. */
export const frameworkRoutes: RouteObject[] = [
  { path: "frameworks", element: <FrameworkList />, handle: { title: "Framework versions" } },
  { path: "frameworks/diff", element: <Diff />, handle: { title: "Compare framework versions" } },
  {
    path: "frameworks/:version",
    element: <FrameworkVersion />,
    handle: { title: ({ version }: Params) => `Framework version ${version ?? ""}` },
  },
  {
    path: "frameworks/:version/details",
    element: <DraftDetails />,
    handle: { title: ({ version }: Params) => `Name and effective date, version ${version ?? ""}` },
  },
  {
    path: "frameworks/:version/functionalities/:code",
    element: <EditFunctionality />,
    handle: {
      title: ({ version, code }: Params) =>
        code === "new"
          ? `Add a functionality, version ${version ?? ""}`
          : `Functionality ${code ?? ""}, version ${version ?? ""}`,
    },
  },
  {
    path: "frameworks/:version/criteria/:id",
    element: <EditCriterion />,
    handle: {
      title: ({ version, id }: Params) =>
        id === "new"
          ? `Add a criterion, version ${version ?? ""}`
          : `Tier criterion, version ${version ?? ""}`,
    },
  },
  {
    path: "frameworks/:version/milestones/:id",
    element: <EditMilestone />,
    handle: { title: ({ version }: Params) => `Roadmap milestone, version ${version ?? ""}` },
  },
  {
    path: "frameworks/:version/effect",
    handle: { title: ({ version }: Params) => `Effect of draft version ${version ?? ""}` },
    element: (
      <Suspense fallback={<Loading what="the effect preview" />}>
        <DraftEffect />
      </Suspense>
    ),
  },
  {
    path: "frameworks/:version/crosswalk",
    element: <Crosswalk />,
    handle: { title: ({ version }: Params) => `Crosswalk to version ${version ?? ""}` },
  },
  {
    path: "frameworks/:version/publish",
    element: <Publish />,
    handle: { title: ({ version }: Params) => `Publish version ${version ?? ""}` },
  },
];
