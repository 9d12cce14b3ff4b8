// The team use cases, one transaction each.
export { acceptInvitation } from "./accept.js";
export { changeTeamRole } from "./change-role.js";
export { inviteToTeam, resendInvitation } from "./invite.js";
export { listTeam } from "./list-team.js";
