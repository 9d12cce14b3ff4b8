/**
 * Today's date as every service sees it (UTC, `YYYY-MM-DD`): due actuals, plan dates, collections,
 * reminders, checklists, freezing. `REALISE_TODAY` pins it so a test can stand on a chosen day of the NHS
 * calendar (record locks and dashboards, in the domain, keep the real date); otherwise it is the real date.
 */
export function today(): string {
  const pinned = process.env.REALISE_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return new Date().toISOString().slice(0, 10);
}
