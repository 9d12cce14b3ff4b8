import { benefitLines, type DB, organisationType } from "@realise/db";
import { withProgress } from "@realise/domain";
import type { Kysely } from "kysely";
import type { BenefitsExportCsvInput } from "../../contracts/benefits.js";
import { toCsv } from "../../lib/csv.js";

const COLUMNS = [
  "id",
  "benefit_type",
  "title",
  "class",
  "dis_benefit",
  "owner",
  "metric",
  "unit",
  "direction",
  "baseline_value",
  "baseline_date",
  "baseline_source",
  "target_value",
  "target_date",
  "trajectory",
  "latest_period",
  "latest_actual",
  "progress_pct",
  "confidence",
  "status",
  "enabling_functionalities",
  "full_year_value_gbp",
  "attribution_pct",
  "realised_value_gbp",
  "double_count_group",
  "evidence",
] as const;

/** The register as CSV, one row per line with its latest actual and progress. */
export async function benefitsCsv(db: Kysely<DB>, input: BenefitsExportCsvInput): Promise<string> {
  await organisationType(db, input.odsCode);
  const lines = (await benefitLines(db, input.odsCode)).map(withProgress);
  const rows = lines.map((l) => ({
    id: l.id,
    benefit_type: l.benefitTypeCode,
    title: l.title,
    class: l.benefitClass,
    dis_benefit: l.isDisbenefit ? "yes" : "no",
    owner: l.owner,
    metric: l.metric,
    unit: l.unit,
    direction: l.direction,
    baseline_value: l.baseline.value,
    baseline_date: l.baseline.date,
    baseline_source: l.baseline.source,
    target_value: l.target.value,
    target_date: l.target.date,
    trajectory: l.trajectory.map((t) => `${t.date}=${t.value}`).join("; "),
    latest_period: l.progress.latestPeriod ?? "",
    latest_actual: l.progress.latestActual ?? "",
    progress_pct: l.progress.progress === null ? "" : Math.round(l.progress.progress * 1000) / 10,
    confidence: l.confidence,
    status: l.status,
    enabling_functionalities: l.enablingFunctionalities.join("; "),
    full_year_value_gbp: l.fullYearValueGbp ?? "",
    attribution_pct: l.attributionPct,
    realised_value_gbp: Math.round(l.progress.realisedValueGbp),
    double_count_group: l.doubleCountGroup ?? "",
    evidence: l.evidence ?? "",
  }));
  return toCsv(rows, COLUMNS);
}
