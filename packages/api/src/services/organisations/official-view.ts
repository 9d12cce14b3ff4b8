import type { OfficialTier, OrganisationRow } from "@realise/db";
import type { Principal } from "@realise/domain";

/** Whether a caller may see a trust's live (unsubmitted, unvalidated) tier: its own staff and the nation. */
export function seesLiveTier(principal: Principal | null, odsCode: string): boolean {
  if (!principal) return false;
  if (principal.role === "national_admin" || principal.role === "national_analyst") return true;
  return principal.odsCode === odsCode;
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
