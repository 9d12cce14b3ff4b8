import type { RoadmapMilestone } from "../schema.js";
import { ALL } from "./functionalities.js";
import { SOURCES as S } from "./sources.js";

/** The Frontline Digitisation programme's coverage and capability ambitions for March 2026. */
export const DEFAULT_MILESTONES: RoadmapMilestone[] = [
  {
    id: "M-EPR-2026",
    title: "100% of trusts with an EPR by March 2026",
    targetDate: "2026-03-31",
    measure: "epr_live",
    shareOfTrusts: 1,
    trustTypes: [...ALL],
    sources: [S.frontlineDigitisation],
  },
  {
    id: "M-CORE-2026",
    title: "70% of trusts at the core level by March 2026",
    targetDate: "2026-03-31",
    measure: "tier_at_least",
    tier: 2,
    shareOfTrusts: 0.7,
    trustTypes: [...ALL],
    sources: [S.frontlineDigitisation],
  },
];
