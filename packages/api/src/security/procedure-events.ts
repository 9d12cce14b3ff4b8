import type { Principal } from "@realise/domain";
import type { Logger } from "pino";
import { type SecurityEventName, securityEvent } from "./events.js";

/** The procedures whose success is a security event, and the event each one logs. */
const EVENTS: Record<string, SecurityEventName> = {
  "account.changePassword": "account.password_changed",
  "account.resetPassword": "account.password_reset",
  "accounts.resetPassword": "account.password_reset_sent",
  "accounts.create": "account.created",
  "accounts.changeBinding": "account.binding_changed",
  "accounts.disable": "account.disabled",
  "accounts.enable": "account.enabled",
  "team.changeRole": "account.role_changed",
  "team.disable": "account.disabled",
  "team.enable": "account.enabled",
};

/** Only these input fields are logged: identifiers and the role given, never passwords, tokens or names. */
const SAFE_FIELDS = ["userId", "role", "odsCode"] as const;

/**
 * After a procedure succeeded, log its security event if it has one: who acted (`by`), on which account,
 * and the role and trust given. `data` is the procedure's answer (a reset link's account is known only there).
 */
export function logProcedureEvent(
  logger: Logger | undefined,
  path: string,
  rawInput: unknown,
  principal: Principal | null,
  data: unknown,
): void {
  const name = EVENTS[path];
  if (!name) return;
  const input = (rawInput && typeof rawInput === "object" ? rawInput : {}) as Record<string, unknown>;
  const fields: Record<string, unknown> = { procedure: path };
  for (const key of SAFE_FIELDS) if (typeof input[key] === "string") fields[key] = input[key];
  const answer = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const account = principal && name === "account.password_changed" ? principal.email : answer.email;
  if (typeof account === "string") fields.account = account;
  if (principal) fields.by = principal.email;
  securityEvent(logger, name, fields);
}
