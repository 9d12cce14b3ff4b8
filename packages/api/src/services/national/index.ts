// The national views: the nation at a glance, the adoption heatmap, and the trends across frozen periods.
export { type NationalHeatmap, nationalHeatmap } from "./heatmap.js";
export { nationalOverview } from "./overview.js";
export { nationalTrends } from "./trends.js";
export { type ExportTable, NATIONAL_EXPORTS, type NationalExport, nationalExport } from "./exports.js";
export { RECORD_EXPORTS, type RecordExport, recordExport } from "./exports-records.js";
export {
  EXPORT_NAMES,
  type ExportName,
  exportFor,
  isExportName,
  NATIONAL_ONLY_EXPORTS,
} from "./downloads.js";
