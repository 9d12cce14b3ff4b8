import type { RouteObject } from "react-router";
import { Crosswalk } from "./Crosswalk";
import { Diff } from "./Diff";
import { DraftEffect } from "./DraftEffect";
import { EditCriterion } from "./EditCriterion";
import { EditFunctionality } from "./EditFunctionality";
import { EditMilestone } from "./EditMilestone";
import { FrameworkList } from "./FrameworkList";
import { FrameworkVersion } from "./FrameworkVersion";
import { Publish } from "./Publish";

/** The framework administration pages, under /admin/frameworks. */
export const frameworkRoutes: RouteObject[] = [
  { path: "frameworks", element: <FrameworkList /> },
  { path: "frameworks/diff", element: <Diff /> },
  { path: "frameworks/:version", element: <FrameworkVersion /> },
  { path: "frameworks/:version/functionalities/:code", element: <EditFunctionality /> },
  { path: "frameworks/:version/criteria/:id", element: <EditCriterion /> },
  { path: "frameworks/:version/milestones/:id", element: <EditMilestone /> },
  { path: "frameworks/:version/effect", element: <DraftEffect /> },
  { path: "frameworks/:version/crosswalk", element: <Crosswalk /> },
  { path: "frameworks/:version/publish", element: <Publish /> },
];
