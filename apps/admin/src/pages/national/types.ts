import type { RouterOutputs } from "@realise/api";

export type Overview = RouterOutputs["national"]["overview"];
export type GroupRow = Overview["groups"]["region"][number];
export type Milestone = Overview["milestones"][number];
export type TrustBrief = Overview["withoutLiveEpr"][number];
export type Heatmap = RouterOutputs["national"]["heatmap"];
export type TrendPoint = RouterOutputs["national"]["trends"][number];
