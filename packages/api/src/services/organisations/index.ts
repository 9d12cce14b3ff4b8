// The organisations use cases: the registry's trusts, their peers, and the registry at a glance.
export { organisationByOdsCode } from "./by-ods-code.js";
export { organisationList } from "./list.js";
export { peerDistributions } from "./peer-distributions.js";
export { organisationReferenceLists } from "./reference-lists.js";
export { registrySummary } from "./registry-summary.js";
