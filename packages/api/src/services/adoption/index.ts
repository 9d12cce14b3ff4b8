// The adoption use cases, one transaction each.
export { confirmTierUnchanged } from "./confirm-tier.js";
export { adoptionForOrganisation } from "./for-organisation.js";
export { frameworkInForce } from "./framework-in-force.js";
export { adoptionHistory } from "./history.js";
export { recentChanges } from "./recent-changes.js";
export { refreshOrganisationTier } from "./refresh-tier.js";
export { updateAdoption } from "./update.js";
export { officialTrend } from "./official-trend.js";
