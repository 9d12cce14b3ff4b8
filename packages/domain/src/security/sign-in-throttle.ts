/**
 * How long sign-in waits after failures (issue 19). Counted per (account, address) pair and per address,
 * never per account alone: a correct password from an address that has not failed is never refused
 * because someone failed elsewhere, so nobody can lock another person out. Guessing one account from many
 * addresses is still slowed per pair and shows in the security log as an account under attack.
 */
export type ThrottleScope = "account_address" | "address";

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  free: number;
  /** The first delay, in seconds; each further failure doubles it. */
  firstDelaySeconds: number;
  /** The longest delay, in seconds. */
  maxDelaySeconds: number;
  /** Failures older than this (since the last one) are forgotten. */
  forgetAfterSeconds: number;
}

export const SIGN_IN_THROTTLE: Record<ThrottleScope, ThrottlePolicy> = {
  account_address: { free: 5, firstDelaySeconds: 30, maxDelaySeconds: 3600, forgetAfterSeconds: 24 * 3600 },
  address: { free: 30, firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 3600 },
};

/** Seconds sign-in must wait after the `failures`-th failure in a row (0 while still within the free ones). */
export function signInDelaySeconds(scope: ThrottleScope, failures: number): number {
  const policy = SIGN_IN_THROTTLE[scope];
  if (failures < policy.free) return 0;
  const doublings = Math.min(failures - policy.free, 20);
  return Math.min(policy.firstDelaySeconds * 2 ** doublings, policy.maxDelaySeconds);
}

/** The key of an (account, address) pair: the account's e-mail as typed, trimmed and lower-cased. */
export function pairKey(email: string, address: string): string {
  return `${email.trim().toLowerCase()}|${address}`;
}

/** Distinct addresses failing one account within the window that marks it as under attack. */
export const ACCOUNT_UNDER_ATTACK_ADDRESSES = 3;
