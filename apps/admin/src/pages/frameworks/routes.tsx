import { Loading } from "@realise/ui";
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import { Crosswalk } from "./Crosswalk";
import { Diff } from "./Diff";
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
  { path: "frameworks", element: <FrameworkList /> },
  { path: "frameworks/diff", element: <Diff /> },
  { path: "frameworks/:version", element: <FrameworkVersion /> },
  { path: "frameworks/:version/functionalities/:code", element: <EditFunctionality /> },
  { path: "frameworks/:version/criteria/:id", element: <EditCriterion /> },
  { path: "frameworks/:version/milestones/:id", element: <EditMilestone /> },
  {
    path: "frameworks/:version/effect",
    element: (
      <Suspense fallback={<Loading what="the effect preview" />}>
        <DraftEffect />
      </Suspense>
    ),
  },
  { path: "frameworks/:version/crosswalk", element: <Crosswalk /> },
  { path: "frameworks/:version/publish", element: <Publish /> },
];
