import { PeriodSchema } from "@realise/domain";

/**
 * A period from a URL segment: "2025/26 Q4" percent-encoded, or the URL-friendly "2025-26-Q4".
 * Undefined when it is not a period.
 */
export function periodFromPath(segment: string): string | undefined {
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  const normalised = text
    .trim()
    .replace(/^(\d{4})[-/](\d{2})(?:[-_ ]?[Qq]([1-4]))?$/, (_, y, yy, q) =>
      q ? `${y}/${yy} Q${q}` : `${y}/${yy}`,
    );
  const parsed = PeriodSchema.safeParse(normalised);
  return parsed.success ? parsed.data : undefined;
}

/** The URL-friendly form of a period, for links: "2025/26 Q4" → "2025-26-Q4". */
export const periodSlug = (period: string) => period.replace("/", "-").replace(" ", "-");
