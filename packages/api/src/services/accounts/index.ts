// The accounts use cases, one transaction each.
export { changeAccountBinding } from "./change-binding.js";
export { listAccounts } from "./list-accounts.js";
export { registerAccount } from "./register-account.js";
export { disableAccount, enableAccount, renameAccountOf } from "./lifecycle.js";
export { changePassword, requestPasswordReset, resetPassword, sendPasswordReset } from "./passwords.js";
