export { type SystemCaller, systemCallerOf } from "./authenticate.js";
export { createSystemClient } from "./create.js";
export {
  issueSystemToken,
  MEASURE_REPORT_SCOPE,
  TOKEN_LIFETIME_SECONDS,
  type TokenAnswer,
} from "./issue-token.js";
export { listSystemClients } from "./list.js";
export { setSystemClientPausedOf } from "./pause.js";
export { revokeSystemClientOf } from "./revoke.js";
