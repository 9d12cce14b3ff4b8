const dateIn = (timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone });
const calendarDate = dateIn("UTC");
const ukDate = dateIn("Europe/London");
const ukDateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

/**
 * "2026-12-01" → "1 December 2026", the NHS style for dates. A calendar date (as the API sends DATE
 * columns) is read as written; a moment (a Date) is dated in UK time whatever the browser's zone. An
 * unreadable value is shown as it is, no value as a dash.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null) return "–";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : ukDate.format(value);
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? value : calendarDate.format(d);
}

/** A moment as "1 December 2026 at 22:37", in UK time whatever the browser's zone. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value == null) return "–";
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : ukDateTime.format(d);
}
