import type { Logger } from "pino";

/**
 * The security events, each one structured log line with `event: "security.<name>"`, so an operator can
 * alert on them without parsing prose. Fields name accounts (e-mail or user id) and addresses, never a
 * password, token or free text the client sent.
 */
export type SecurityEventName =
  | "signin.success"
  | "signin.failure"
  | "signin.throttled"
  | "signin.account_under_attack"
  | "signout"
  | "access.denied"
  | "csrf.refused"
  | "account.created"
  | "account.binding_changed"
  | "account.password_changed"
  | "account.password_reset"
  | "account.password_reset_sent"
  | "account.role_changed"
  | "account.disabled"
  | "account.enabled"
  | "system_client.token_issued"
  | "system_client.token_refused";

export function securityEvent(
  logger: Logger | undefined,
  name: SecurityEventName,
  fields: Record<string, unknown> = {},
): void {
  if (!logger) return;
  const line = { event: `security.${name}`, ...fields };
  if (
    name === "signin.success" ||
    name === "signout" ||
    name.startsWith("account.") ||
    name === "system_client.token_issued"
  )
    logger.info(line, "security");
  else logger.warn(line, "security");
}
