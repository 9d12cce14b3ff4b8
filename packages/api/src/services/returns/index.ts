// The returns use cases: a trust submits, the national team reviews and decides, one transaction each.
export { compareReturn } from "./compare.js";
export { decideReturn } from "./decide.js";
export { returnDetail } from "./detail.js";
export { returnsForOrganisation } from "./for-organisation.js";
export { returnPeriods } from "./periods.js";
export { returnQueue } from "./queue.js";
export { submitReturn } from "./submit.js";
export { submissionChecklistFor } from "./checklist.js";
