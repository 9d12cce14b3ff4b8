const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-12-01" (or an ISO timestamp on that day) → "1 December 2026", the NHS style; anything else unchanged. */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
