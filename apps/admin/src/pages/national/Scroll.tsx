/** A wide table that scrolls sideways; focusable so keyboard users can scroll it too. */
export function Scroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="realise-heatmap-table" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
