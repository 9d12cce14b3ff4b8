import { type DB, icbSummary, oversightBinding, trustsOverseen } from "@realise/db";
import { AppError, isOversightRole, type Principal, type Region } from "@realise/domain";
import type { Kysely } from "kysely";
import { today } from "../clock.js";

/**
 * What an ICB or region viewer may see: the trusts in their ICB or region as at today's dated membership.
 * This is the one place a principal becomes a scope; procedures narrow their views with it.
 */
export interface OversightScope {
  icbCode: string | null;
  region: Region | null;
  /** "NHS Central East ICB" or "East of England", for messages. */
  label: string;
  odsCodes: readonly string[];
}

/** The scope of an ICB or region viewer; null for every other role (they are not narrowed here). */
export async function oversightScopeOf(
  db: Kysely<DB>,
  principal: Principal | null,
): Promise<OversightScope | null> {
  if (!principal || !isOversightRole(principal.role)) return null;
  const bound =
    principal.icbCode || principal.region
      ? { icbCode: principal.icbCode ?? null, region: principal.region ?? null }
      : await oversightBinding(db, principal.userId);
  const icb = bound.icbCode ? await icbSummary(db, bound.icbCode) : undefined;
  const icbCode = principal.role === "icb_viewer" ? bound.icbCode : null;
  const region = (principal.role === "region_viewer" ? bound.region : (icb?.region ?? null)) as Region | null;
  const label =
    principal.role === "icb_viewer" ? (icb?.name ?? icbCode ?? "your ICB") : (region ?? "your region");
  const odsCodes =
    principal.role === "icb_viewer"
      ? icbCode
        ? await trustsOverseen(db, { icbCode, region: null }, today())
        : []
      : region
        ? await trustsOverseen(db, { icbCode: null, region }, today())
        : [];
  return { icbCode, region, label, odsCodes };
}

/** Refuses a request for trusts outside the viewer's ICB or region. */
function outside(scope: OversightScope): AppError {
  return new AppError("FORBIDDEN", `Your account sees only the trusts in ${scope.label}`);
}

/**
 * A national view's filter narrowed to the viewer's ICB or region: the ICB or region is forced, and a filter
 * naming another one is refused. Everyone else's filter is returned unchanged.
 */
export function scopedFilter<T extends { region?: Region | undefined; icbCode?: string | undefined }>(
  scope: OversightScope | null,
  input: T | undefined,
): T | undefined {
  if (!scope) return input;
  const filter = { ...(input ?? ({} as T)) };
  if (filter.region !== undefined && filter.region !== scope.region) throw outside(scope);
  if (scope.icbCode) {
    if (filter.icbCode !== undefined && filter.icbCode !== scope.icbCode) throw outside(scope);
    filter.icbCode = scope.icbCode;
  }
  if (scope.region && !scope.icbCode) filter.region = scope.region;
  // Membership is read as at today, the day the scope was drawn, so no other day can widen it.
  delete (filter as { asOf?: string }).asOf;
  return filter;
}

/** A scope as text, for keeping a view's result per scope: the trusts it covers, or the whole nation. */
export function scopeKey(scope: OversightScope | null): string {
  return scope ? `${scope.icbCode ?? ""}/${scope.region ?? ""}/${scope.odsCodes.join(",")}` : "nation";
}

/** Keeps the rows of trusts in the viewer's scope (all rows for everyone else). */
export function withinScope<T extends { odsCode: string }>(
  scope: OversightScope | null,
  rows: readonly T[],
): T[] {
  if (!scope) return [...rows];
  const codes = new Set(scope.odsCodes);
  return rows.filter((r) => codes.has(r.odsCode));
}

/** Refuses one trust outside the viewer's scope. */
export function assertInScope(scope: OversightScope | null, odsCode: string): void {
  if (scope && !scope.odsCodes.includes(odsCode)) throw outside(scope);
}
