import type { BenefitClass } from "../framework/schema.js";

/** The Green Book benefit classes in words, the same on every page and in every download. */
export const BENEFIT_CLASS_LABELS: Record<BenefitClass, string> = {
  cash_releasing: "Cash-releasing",
  non_cash_releasing: "Non-cash-releasing",
  quantitative_non_monetised: "Quantitative, not monetised",
  qualitative: "Qualitative",
  wider_societal: "Wider societal",
};
