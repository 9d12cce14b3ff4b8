import type { Framework, Functionality } from "../framework/schema.js";

/** The heatmap's columns: the framework's functionalities (of one tier, if given), by tier then code. */
export function heatmapFunctionalities(framework: Pick<Framework, "functionalities">, tier?: number) {
  return framework.functionalities
    .filter((f) => tier === undefined || f.tier === tier)
    .sort((a, b) => a.tier - b.tier || a.code.localeCompare(b.code));
}

/**
 * Trusts × functionalities as one row-major matrix: the level 0..5 (0 where the trust has no record), or
 * -1 where the functionality does not apply to the trust's type.
 *
 * Why: a flat array of small numbers is what a national heatmap of thousands of cells can carry cheaply.
 */
export function levelMatrix(
  functionalities: readonly Pick<Functionality, "code" | "appliesTo">[],
  trusts: readonly { trustType: string; levels: Record<string, number> | null }[],
): number[] {
  const width = functionalities.length;
  const levels = new Array<number>(trusts.length * width);
  trusts.forEach((t, i) => {
    functionalities.forEach((f, j) => {
      levels[i * width + j] = (f.appliesTo as readonly string[]).includes(t.trustType)
        ? (t.levels?.[f.code] ?? 0)
        : -1;
    });
  });
  return levels;
}
