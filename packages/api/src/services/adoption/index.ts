// The adoption use cases, one transaction each.
export { refreshOrganisationTier } from "./refresh-tier.js";
