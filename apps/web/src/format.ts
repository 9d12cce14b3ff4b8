// One date style for both apps (the NHS.UK one: "1 December 2026"), kept in the ui package.
export { formatDate, formatDateTime } from "@realise/ui";

export function pct(value: number | null | undefined): string {
  if (value == null) return "–";
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
