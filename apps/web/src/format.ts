const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

/** "28 November 2026 at 07:45", in UK time whatever the browser's zone. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value == null) return "–";
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : dateTime.format(d);
}

export function pct(value: number | null | undefined): string {
  if (value == null) return "–";
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const longDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "1 December 2026", from an ISO date ("2026-12-01") as the API sends DATE columns. */
export function formatDate(value: string | null | undefined): string {
  if (value == null) return "–";
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? value : longDate.format(d);
}
