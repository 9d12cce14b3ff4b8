// The accounts use cases, one transaction each.
export { changeAccountBinding } from "./change-binding.js";
export { listAccounts } from "./list-accounts.js";
export { registerAccount } from "./register-account.js";
