import { useSearchParams } from "react-router";

export const FILTER_KEYS = ["region", "icbCode", "trustType", "eprSupplier"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type NationalFilter = Partial<Record<FilterKey, string>>;

/** The view's filter lives in the URL, so a filtered view can be bookmarked and shared. */
export function useNationalFilter() {
  const [params, setParams] = useSearchParams();
  const filter: NationalFilter = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  /** Several keys at once (an empty value removes its key), as one history entry or in place of the current one. */
  const update = (changes: Record<string, string>, options: { replace?: boolean } = {}) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: options.replace ?? false });
  };
  return { filter, params, set, update, query: params.toString() };
}

/** Percent with no decimals, for shares of trusts. */
export const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Progress to the next tier (0..1) as a percentage. */
export const progressPct = (value: number | null | undefined) =>
  value == null ? "–" : `${Math.round(value * 100)}%`;

/** "2026/27 Q3" ↔ "2026-27-Q3", so a period can sit in a path. */
export const periodSlug = (period: string) => period.replace("/", "-").replace(" ", "-");
export const periodFromSlug = (slug: string) =>
  slug.replace(/^(\d{4})-(\d{2})(?:-Q([1-4]))?$/, (_, y, yy, q) => (q ? `${y}/${yy} Q${q}` : `${y}/${yy}`));
