import type { Tier } from "../schema.js";

/** The five cumulative tiers of reference/domain.md §7.2, ordered as EMRAM orders its stages. */
export const DEFAULT_TIERS: Tier[] = [
  {
    number: 1,
    name: "Digitised foundations",
    description:
      "The record exists and is reachable: patient index, longitudinal record, fast log-in, results, secure and resilient infrastructure.",
  },
  {
    number: 2,
    name: "Core clinical digitisation",
    description:
      "The core level of digitisation: basic clinical functions (notes, assessments, eObs, e-prescribing, orders, discharge) used as intended.",
  },
  {
    number: 3,
    name: "Safety, closed loop and decision support",
    description:
      "Closed-loop medication, decision support and paper retirement, with tier 1 functions embedded.",
  },
  {
    number: 4,
    name: "Connected and patient-enabled",
    description:
      "Records shared in both directions and patients using digital services, with tier 2 functions embedded.",
  },
  {
    number: 5,
    name: "Optimised, data-driven and AI-enabled",
    description:
      "Higher-order use: analytics, structured data, AI and continuous optimisation, with tier 3 functions embedded.",
  },
];
