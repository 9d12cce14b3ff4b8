/**
 * Fair use of the expensive views (issue 18): each client may ask for each of them so often, so one
 * client hammering the national heatmap or a CSV cannot slow everyone else's dashboard. A person at a
 * browser stays far inside these; a script that loops is answered 429 with when to come back.
 */
export interface FairUseRule {
  windowSeconds: number;
  max: number;
}

/** The kinds of limited answer; a procedure or route names its kind. */
export type FairUseKind = "view" | "download" | "openData";

export const FAIR_USE_RULES: Record<FairUseKind, FairUseRule> = {
  /** Per client, per expensive view: 60 a minute (a page opened, filtered or reloaded every second). */
  view: { windowSeconds: 60, max: 60 },
  /** Per client, per CSV or PDF: 20 a minute (nobody reads a board pack every three seconds). */
  download: { windowSeconds: 60, max: 20 },
  /** Per client, per open-data route: 120 a minute for readers and their scripts. */
  openData: { windowSeconds: 60, max: 120 },
};

/**
 * Per client, all the expensive views together: 120 a minute. Each view alone may be asked for 60 times,
 * but a script looping over five of them would get 300 costly answers a minute; a person moving between
 * national pages asks for two or three views a page, far inside this.
 */
export const FAIR_USE_VIEW_BUDGET: FairUseRule = { windowSeconds: 60, max: 120 };

/**
 * Whom a request counts against: a signed-in person or system by account (many NHS staff share one
 * address behind a proxy, so the address would punish colleagues), anyone else by address.
 */
export function fairUseClient(caller: { userId: string } | null, address: string | null | undefined): string {
  return caller ? `user:${caller.userId}` : `address:${address || "unknown"}`;
}

/** The refusal in words, with the wait rounded up to what a person can act on. */
export function fairUseMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds <= 60
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`
      : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `This has been asked for too often from your account or address. Try again in ${wait}.`;
}
