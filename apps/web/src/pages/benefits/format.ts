import type { RouterOutputs } from "@realise/api";

export type Register = RouterOutputs["benefits"]["list"];
export type RegisterLine = Register["lines"][number];
export type RegisterFlag = Register["flags"][number];
export type ImportPreview = RouterOutputs["benefits"]["previewImport"];

const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** Pounds, whole. */
export const formatGbp = (value: number | null | undefined) => (value == null ? "–" : gbp.format(value));
/** A metric value, to two decimals at most. */
export const formatNumber = (value: number | null | undefined) =>
  value == null ? "–" : number.format(value);
/** A share (0..1) as a whole percentage. */
export const formatShare = (value: number | null | undefined) =>
  value == null ? "–" : `${Math.round(value * 100)}%`;

export const CLASS_LABELS: Record<string, string> = {
  cash_releasing: "Cash-releasing",
  non_cash_releasing: "Non-cash-releasing",
  quantitative_non_monetised: "Quantitative, not monetised",
  qualitative: "Qualitative",
  wider_societal: "Wider societal",
};
export const STATUS_LABELS: Record<string, string> = {
  planned: "Planned",
  in_progress: "In progress",
  realised: "Realised",
  not_realised: "Not realised",
};
export const CONFIDENCE_LABELS: Record<string, string> = { low: "Low", medium: "Medium", high: "High" };
export const DIRECTION_LABELS: Record<string, string> = {
  increase: "Should increase",
  decrease: "Should decrease",
};

/** Offer a text as a file download, without a round trip. */
export function downloadText(filename: string, text: string, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
