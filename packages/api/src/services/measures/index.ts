export { type AcceptedReport, acceptMeasureReport } from "./accept-report.js";
export { readMeasure, searchMeasures } from "./list-measures.js";
export { measureOf, measuresOf } from "./measure-of.js";
export { FhirRefusal } from "./refusal.js";
