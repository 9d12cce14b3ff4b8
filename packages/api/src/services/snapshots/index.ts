// The snapshots use cases: preview a period, freeze and publish it, read what it holds.
export { snapshotDetail } from "./detail.js";
export type { SnapshotFigures } from "./figures.js";
export { freezeSnapshot } from "./freeze.js";
export { frozenSnapshots } from "./list.js";
export { previewSnapshot } from "./preview.js";
export { comparePublishedPeriods, type PeriodComparison } from "./compare.js";
