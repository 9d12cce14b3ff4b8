// Assignments and handoff: who does what, and what is ready for the approver.
export { assignWork, unassignWork } from "./assign.js";
export { handoffStatus, markReady, unmarkReady } from "./handoff.js";
export { myWork, trustAssignments } from "./mine.js";
