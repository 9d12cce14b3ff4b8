/**
 * Public sources behind the default framework, as cited in the project's domain research (reference/domain.md).
 * Kept as data so every functionality, benefit type and milestone can say where it came from.
 */
export const SOURCES = {
  dsicCoreMap: "https://nhse-dsic.atlassian.net/wiki/spaces/SCER/pages/12124225537/Core+Requirement+Map",
  dsicMedicines: "https://nhse-dsic.atlassian.net/wiki/spaces/SCCP/pages/12360024816/Provide+Medication+MM",
  dsicAppFunctions:
    "https://nhse-dsic.atlassian.net/wiki/spaces/SCER/pages/12030215684/Application+Functions",
  dsicOverview: "https://nhse-dsic.atlassian.net/wiki/spaces/SCCP/overview",
  dcfSummary: "https://www.theaccessgroup.com/en-gb/blog/hsc-nhs-dcf/",
  wgll: "https://www.nhsx.nhs.uk/digitise-connect-transform/what-good-looks-like/what-good-looks-like-publication/",
  dma2015: "https://data.england.nhs.uk/dataset/digital-maturity-assessment-2015-2016",
  dmaIndex: "https://www.england.nhs.uk/digitaltechnology/info-revolution/maturity-index/",
  dma2025:
    "https://nhsd-proxy.dokku3.ebmdatalab.net/data-and-information/digital-maturity-assessment-report-2024-and-2025-results/report",
  dma2025Findings:
    "https://yesilscience.com/limited-integration-of-data-flows-in-nhs-electronic-patient-records",
  emram: "https://www.himssanalytics.org/asia-pacific/electronic-medical-record-adoption-model",
  emram2018:
    "https://www.healthcareitnews.com/news/himss-announces-new-emram-criteria-2018-focus-security-digital-imaging",
  muCpoe:
    "https://www.healthit.gov/providers-professionals/achieve-meaningful-use/core-measures/cpoe-meaningful-use",
  muStage1: "https://vamedconsultants.com/index.php/meaningful-use/meaningful-use-stage-1/core-requirements",
  muStage3: "https://thefederalregister.org/80-FR/62761",
  healthFoundation: "https://financetechnow.com/nhs-must-move-epr-use-beyond-digitising-paper-report-warns",
  tenYearPlan: "https://www.digitalhealth.net/2025/07/the-10-year-health-plan-places-big-bets-on-digital/",
  tenYearPlanAccess:
    "https://theaccessgroup.com/en-gb/blog/hsc-the-10-year-plan-what-does-a-digital-nhs-look-like",
  frontlineDigitisation:
    "https://www.gov.uk/government/publications/department-of-health-and-social-care-accounting-officer-assessments/frontline-digitisation-programme-accounting-officer-assessment",
  ePmaEvidence: "https://www.medscape.com/viewarticle/968486",
  ePmaFunding:
    "https://healthtechdigital.com/nhs-trusts-to-receive-share-of-78-million-funding-for-electronic-prescribing",
  elftEpma:
    "https://pharmaceutical-journal.com/article/news/electronic-prescribing-system-cuts-dispensing-errors-by-almost-half-in-one-trust",
  eObs: "https://www.digitalhealth.net/2019/07/special-report-observations-and-vital-signs-3/",
  vitalPac:
    "https://www.fiercehealthcare.com/mobile/electronic-surveillance-helps-hospitals-slash-death-rates",
  scottishDma:
    "https://digihealthcare.scot/our-work/digital-maturity/digital-maturity-assessment-2024/digital-maturity-assessment-2024-section-eight",
  clinicalSafety: "https://transform.england.nhs.uk/key-tools-and-info/digital-clinical-safety-strategy",
  shcr: "https://ethicalhealthcare.org.uk/2023/07/31/phase-3-letter/",
  gosh: "https://htn.co.uk/2025/09/04/gosh-publish-study-into-ai-scribe-pilot-across-nine-london-nhs-sites",
  nhsProviders:
    "https://nhsproviders.org/making-the-most-of-your-epr/reviewing-business-cases-and-realising-benefits",
  nurseTime: "https://pmc.ncbi.nlm.nih.gov/articles/PMC7309250",
  eric: "https://digital.nhs.uk/data-and-information/publications/statistical/estates-returns-information-collection",
  poole: "https://www.digitalhealth.net/2002/03/can-eprs-save-time-yes-but/",
  duplicateTests:
    "https://www.publictechnology.net/2024/10/22/health-and-social-care/ministers-pledge-unified-patient-record-in-nhs-app-as-part-of-10-year-journey-from-analogue-to-digital/",
  redundantOrders:
    "https://ajmc.com/view/which-components-of-health-information-technology-will-drive-financial-value",
  productivity:
    "https://www.computerweekly.com/news/366560172/NHS-England-hits-90-target-for-electronic-patient-records",
  dmaProductivity:
    "https://www.pulse.bot/healthtech/news/nhs-england-on-digital-by-default-epr-adoption-optimisation-improving-workflows-88cfc10f-19ed-484b-9578-1678139baade",
  implementationDip: "https://informatics.bmj.com/highwire/markup/518/expansion",
  greenBook:
    "https://www.gov.uk/government/publications/the-green-book-appraisal-and-evaluation-in-central-governent/the-green-book-2020",
  digitalBenefitsFramework:
    "https://www.gov.uk/government/publications/digital-and-data-benefits-framework/digital-and-data-benefits-framework",
  domainResearch: "reference/domain.md §7 (Realise domain research; tier placement inferred)",
} as const;
