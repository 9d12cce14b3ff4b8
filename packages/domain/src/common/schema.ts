import { z } from "zod";

/**
 * A calendar date as `YYYY-MM-DD`, checked for a real day of a real month.
 *
 * Why: dates cross the wire as strings; one parser keeps the browser and the server in agreement.
 */
export function isoDate(label: string) {
  return z.iso.date({ error: `${label} must be a date in the form YYYY-MM-DD` });
}

/**
 * A timestamp with time zone, as ISO 8601 (`2026-03-31T09:00:00Z` or with an offset).
 *
 * Why: audit times must be unambiguous across servers in different zones.
 */
export function isoDateTime(label: string) {
  return z.iso.datetime({ offset: true, error: `${label} must be a date and time in ISO 8601 form` });
}

/** The largest count any input may carry (versions, numbers of things): 10⁹. */
export const MAX_COUNT = 1_000_000_000;
/** The largest sum of money, or any measured value, an input may carry: £10 bn (a year). */
export const MAX_MONEY_GBP = 10_000_000_000;

/** A finite number within ±£10 bn, with messages that name the field. */
export function boundedNumber(label: string) {
  return z
    .number({ error: `${label} must be a number` })
    .min(-MAX_MONEY_GBP, `${label} must be at least -10,000,000,000`)
    .max(MAX_MONEY_GBP, `${label} must be at most 10,000,000,000`);
}

/** A non-empty trimmed string of at most `max` characters, with messages that name the field. */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
}

/** Compares two `YYYY-MM-DD` strings; lexical order is date order for this form. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
