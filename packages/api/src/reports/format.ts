/** How the reports write numbers, money and dates, the same way everywhere (en-GB). */
const POUNDS = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 0,
});

/** Whole pounds, as the benefits register shows them (a net dis-benefit is negative). */
export const gbp = (value: number) => POUNDS.format(value);

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? "–" : `${Math.round(share * 100)}%`;

export const count = (value: number) => value.toLocaleString("en-GB");

export const dateOf = (iso: string | null | undefined) => {
  if (!iso) return "–";
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
};

export const tierLabel = (tier: number, name?: string) =>
  tier === 0 ? "Tier 0 (no tier yet)" : name ? `Tier ${tier} – ${name}` : `Tier ${tier}`;

/** "2026/27 Q2" → "2026-27-Q2", as the open data spells it in links. */
export const periodSlug = (period: string) => period.replace("/", "-").replace(" ", "-");
