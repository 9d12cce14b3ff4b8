// The registry administration use cases, one transaction each.
export { addEprSupplier } from "./add-supplier.js";
export { deletePeerGroupSet } from "./delete-peer-group-set.js";
export { listIcbs } from "./list-icbs.js";
export { listPeerGroupSets } from "./list-peer-group-sets.js";
export { organisationForEditing } from "./organisation-for-editing.js";
export { peerGroupSet } from "./peer-group-set.js";
export { savePeerGroupSet } from "./save-peer-group-set.js";
export { setIcbMemberships } from "./set-icb-memberships.js";
export { updateOrganisationEpr } from "./update-epr.js";
