// The benefits use cases, one transaction each.
export { commitActualsImport } from "./commit-import.js";
export { createBenefitLine } from "./create-line.js";
export { benefitsCsv } from "./export-csv.js";
export { benefitLine } from "./get-line.js";
export { actualsTemplateCsv } from "./import-template.js";
export { benefitRegister } from "./list-register.js";
export { nationalBenefits } from "./national-benefits.js";
export { previewActualsImport } from "./preview-import.js";
export { recordBenefitActual } from "./record-actual.js";
export { refreshBenefitMeasured } from "./refresh-benefit-measured.js";
export { updateBenefitLine } from "./update-line.js";
export { benefitHistory } from "./history.js";
export { withdrawBenefitLine } from "./withdraw-line.js";
