// The plans use cases, one transaction each.
export { trustForecast } from "./forecast.js";
export { trustPlan } from "./list-plan.js";
export { nationalPlans } from "./national-plans.js";
export { removePlanItem } from "./remove-item.js";
export { upsertPlanItem } from "./upsert-item.js";
export { planHistory } from "./history.js";
