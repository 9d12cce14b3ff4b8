import { z } from "zod";

const FIRST_YEAR = 2000;
const LAST_YEAR = 2098;
const PERIOD_RE = /^(\d{4})\/(\d{2})(?: Q([1-4]))?$/;

/**
 * An NHS financial-year period: a year "2025/26" (April 2025 to March 2026) or a quarter "2025/26 Q4"
 * (Q1 is April to June).
 */
export const PeriodSchema = z
  .string({ error: "Period must be text like 2025/26 or 2025/26 Q4" })
  .trim()
  .regex(PERIOD_RE, "Period must look like 2025/26 or 2025/26 Q4")
  .refine((p) => parsePeriod(p) !== null, "Period's second year must follow its first (2025/26, not 2025/27)")
  // Realise records EPR adoption, which began this century; 1899/00 or 9999/00 is a typing slip, and a
  // return for one would lock a trust's records.
  .refine(
    (p) => {
      const parsed = parsePeriod(p);
      return parsed === null || (parsed.startYear >= FIRST_YEAR && parsed.startYear <= LAST_YEAR);
    },
    `Period must be between ${FIRST_YEAR}/${String((FIRST_YEAR + 1) % 100).padStart(2, "0")} and ${LAST_YEAR}/${(LAST_YEAR + 1) % 100}`,
  );
/** A period. */
export type Period = z.infer<typeof PeriodSchema>;

/** A parsed period. */
export interface ParsedPeriod {
  /** Calendar year in which the financial year starts (2025 for 2025/26). */
  startYear: number;
  quarter: 1 | 2 | 3 | 4 | null;
}

/** Parses a period string; null if it is not one. */
export function parsePeriod(period: string): ParsedPeriod | null {
  const m = PERIOD_RE.exec(period.trim());
  if (!m) return null;
  const startYear = Number(m[1]);
  if ((startYear + 1) % 100 !== Number(m[2])) return null;
  return { startYear, quarter: m[3] ? (Number(m[3]) as 1 | 2 | 3 | 4) : null };
}

/** Formats a parsed period. */
export function formatPeriod(p: ParsedPeriod): string {
  const year = `${p.startYear}/${String((p.startYear + 1) % 100).padStart(2, "0")}`;
  return p.quarter === null ? year : `${year} Q${p.quarter}`;
}
