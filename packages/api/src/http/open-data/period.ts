import { PeriodSchema } from "@realise/domain";

/**
 * A period from a path segment the router has already percent-decoded: the official "2025/26 Q4" (sent
 * encoded) or the URL-friendly "2025-26-Q4". Undefined when it is not a period.
 */
export function periodFromSegment(segment: string): string | undefined {
  const normalised = segment
    .trim()
    .replace(/^(\d{4})[-/](\d{2})(?:[-_ ]?[Qq]([1-4]))?$/, (_, y, yy, q) =>
      q ? `${y}/${yy} Q${q}` : `${y}/${yy}`,
    );
  const parsed = PeriodSchema.safeParse(normalised);
  return parsed.success ? parsed.data : undefined;
}

/** The URL-friendly form of a period, for links: "2025/26 Q4" → "2025-26-Q4". */
export const periodSlug = (period: string) => period.replace("/", "-").replace(" ", "-");
