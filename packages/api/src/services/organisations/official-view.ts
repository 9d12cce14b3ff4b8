import type { OfficialTier, OrganisationRow } from "@realise/db";
import type { Principal } from "@realise/domain";

/**
 * Whose live (unsubmitted, unvalidated) tiers a caller may see: every trust's (the nation), one trust's
 * (its own staff) or none. Callers with the same audience are shown the same thing, so a kept answer
 * can be shared by them.
 */
export function liveTierAudience(principal: Principal | null): "all" | "none" | `trust:${string}` {
  if (!principal) return "none";
  if (principal.role === "national_admin" || principal.role === "national_analyst") return "all";
  return principal.odsCode ? `trust:${principal.odsCode}` : "none";
}

/** Whether a caller may see a trust's live tier: its own staff and the nation. */
export function seesLiveTier(principal: Principal | null, odsCode: string): boolean {
  const audience = liveTierAudience(principal);
  return audience === "all" || audience === `trust:${odsCode}`;
}

/**
 * A trust as a caller may see it: everyone gets the official tier of the latest published quarter,
 * labelled with its period; the live tier only for the trust's own staff and the national roles, so a
 * trust's edits never change what the public sees.
 */
export function withOfficialTier<R extends OrganisationRow>(
  row: R,
  official: OfficialTier | undefined,
  principal: Principal | null,
) {
  const live = seesLiveTier(principal, row.odsCode);
  return {
    ...row,
    attainedTier: live ? row.attainedTier : null,
    progressToNext: live ? row.progressToNext : null,
    official: official ?? null,
  };
}
