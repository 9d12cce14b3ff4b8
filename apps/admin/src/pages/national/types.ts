import type { AppRouter } from "@realise/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type Overview = Outputs["national"]["overview"];
export type GroupRow = Overview["groups"]["region"][number];
export type Milestone = Overview["milestones"][number];
export type TrustBrief = Overview["withoutLiveEpr"][number];
export type Heatmap = Outputs["national"]["heatmap"];
export type TrendPoint = Outputs["national"]["trends"][number];
