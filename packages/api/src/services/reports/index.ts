// The reports use cases: the figures a trust board pack and the national quarterly report are built from.
export { type BoardPackData, type BoardPackPeriod, boardPackData } from "./board-pack.js";
export { type NationalReportData, nationalReportData } from "./national-report.js";
export { publishedQuarters } from "./official-periods.js";
