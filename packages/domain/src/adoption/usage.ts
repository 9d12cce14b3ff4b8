/**
 * Usage as a percentage, or null when not measured.
 *
 * Why: thresholds are set in percent, but trusts report counts so the national team can check the arithmetic.
 */
export function usagePct(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return (numerator / denominator) * 100;
}

/** Formats a percentage for sentences: whole numbers unless a decimal matters. */
export function formatPct(value: number | null): string {
  if (value === null) return "not reported";
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
}
