import type { MeasureReport, MeasureReportGroupPopulation } from "@medplum/fhirtypes";
import type { Framework } from "@realise/domain";
import { type MeasureKind, measureUrl, POPULATION_SYSTEM, parseMeasureId } from "./measure-of.js";
import type { FhirIssue } from "./r4.js";

export const ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

/** What a summary MeasureReport says, once its meaning has been checked. */
export interface ReportedMeasure {
  /** `system|value` of the report's identifier: a retry carries the same one. */
  identifier: string;
  measure: string;
  functionalityCode: string;
  kind: MeasureKind;
  odsCode: string;
  periodStart: string;
  periodEnd: string;
  /** Usage: the trust's numerator and denominator. */
  usage?: { numerator: number; denominator: number };
  /** Coverage: a percentage. */
  coveragePct?: number;
  /** Where each figure sits in the report, to name it in a refusal the domain gives. */
  at: { numerator?: string; denominator?: string; coverage?: string };
}

const DATE = /^(\d{4}-\d{2}-\d{2})/;

function populationCode(p: MeasureReportGroupPopulation): string | undefined {
  return p.code?.coding?.find((c) => c.system === POPULATION_SYSTEM || c.system === undefined)?.code;
}

/**
 * Check a structurally valid R4 MeasureReport against what Realise accepts: a complete summary report, with an
 * identifier, of one of the Measures in force, for a trust by ODS code, over a past period after the latest
 * official one, with the
 * counts its measure needs. Every problem is named by its element.
 */
export function readReport(
  report: MeasureReport,
  framework: Framework,
  origin: string,
  calendar: { today: string; official?: { period: string; end: string } | undefined },
): { ok: true; reported: ReportedMeasure } | { ok: false; issues: FhirIssue[] } {
  const issues: FhirIssue[] = [];
  const issue = (expression: string, diagnostics: string) => issues.push({ expression, diagnostics });

  if (report.status !== "complete")
    issue("MeasureReport.status", "Only a complete report is accepted (status complete)");
  if (report.type !== "summary")
    issue("MeasureReport.type", "Only a summary report is accepted (type summary)");

  const id = report.identifier?.[0];
  if (!id?.system || !id.value) {
    issue(
      "MeasureReport.identifier",
      "The report needs an identifier with a system and a value, so a retry is recognised",
    );
  }

  const [canonical = "", version] = report.measure.split("|");
  const parsed = canonical.startsWith(`${origin}/fhir/Measure/`)
    ? parseMeasureId(canonical.slice(`${origin}/fhir/Measure/`.length))
    : null;
  const functionality = parsed ? framework.functionalities.find((f) => f.code === parsed.code) : undefined;
  if (!parsed || !functionality) {
    issue("MeasureReport.measure", `${report.measure} is not one of the Measures at ${origin}/fhir/Measure`);
  } else if (version !== undefined && version !== String(framework.version)) {
    issue(
      "MeasureReport.measure",
      `Measure version ${version} is not in force; report against version ${framework.version}`,
    );
  }

  const reporter = report.reporter?.identifier;
  if (reporter?.system !== ODS_SYSTEM || !reporter.value) {
    issue(
      "MeasureReport.reporter.identifier",
      `The reporter must be identified by ODS code (system ${ODS_SYSTEM})`,
    );
  }

  const start = DATE.exec(report.period?.start ?? "")?.[1];
  const end = DATE.exec(report.period?.end ?? "")?.[1];
  if (!start) issue("MeasureReport.period.start", "The period needs a start date");
  if (!end) issue("MeasureReport.period.end", "The period needs an end date");
  if (start && end && end < start)
    issue("MeasureReport.period.end", "The period cannot end before it starts");
  if (end && end > calendar.today) issue("MeasureReport.period.end", "The period cannot end in the future");
  // Official figures are frozen: a report may not reach back into them.
  const official = calendar.official;
  if (end && official && end <= official.end) {
    issue(
      "MeasureReport.period.end",
      `The official figures for ${official.period} are frozen: report a period ending after ${official.end}`,
    );
  }

  const groups = report.group ?? [];
  if (groups.length !== 1) issue("MeasureReport.group", "The report needs exactly one group");
  const group = groups[0];
  const at: ReportedMeasure["at"] = {};
  const count = (code: "numerator" | "denominator"): number | undefined => {
    const index = (group?.population ?? []).findIndex((p) => populationCode(p) === code);
    if (index === -1) return undefined;
    const path = `MeasureReport.group[0].population[${index}].count`;
    at[code] = path;
    const value = group?.population?.[index]?.count;
    if (value === undefined) {
      issue(path, `The ${code} population needs a count`);
      return undefined;
    }
    if (value < 0) issue(path, `The ${code} count cannot be negative`);
    return value;
  };
  const numerator = group ? count("numerator") : undefined;
  const denominator = group ? count("denominator") : undefined;

  let usage: ReportedMeasure["usage"];
  let coveragePct: number | undefined;
  if (group && parsed?.kind === "usage") {
    if (!at.numerator)
      issue("MeasureReport.group[0].population", "A usage report needs a numerator population");
    if (!at.denominator)
      issue("MeasureReport.group[0].population", "A usage report needs a denominator population");
    if (numerator !== undefined && denominator !== undefined) {
      if (numerator > denominator) issue(at.numerator ?? "", "The numerator cannot exceed the denominator");
      usage = { numerator, denominator };
    }
  } else if (group && parsed?.kind === "coverage") {
    if (numerator !== undefined && denominator !== undefined) {
      if (denominator === 0) issue(at.denominator ?? "", "Coverage needs a denominator above zero");
      else if (numerator > denominator)
        issue(at.numerator ?? "", "The numerator cannot exceed the denominator");
      else coveragePct = Math.round((numerator / denominator) * 1000) / 10;
      at.coverage = at.numerator;
    } else if (group.measureScore?.value !== undefined) {
      at.coverage = "MeasureReport.group[0].measureScore.value";
      const score = group.measureScore.value;
      if (score < 0 || score > 1) issue(at.coverage, "The measure score is a proportion from 0 to 1");
      else coveragePct = Math.round(score * 1000) / 10;
    } else {
      issue(
        "MeasureReport.group[0]",
        "A coverage report needs numerator and denominator counts or a measureScore",
      );
    }
  }

  if (issues.length > 0 || !parsed || !id?.system || !id.value || !reporter?.value || !start || !end) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    reported: {
      identifier: `${id.system}|${id.value}`,
      measure: measureUrl(origin, `${parsed.code}-${parsed.kind}`),
      functionalityCode: parsed.code,
      kind: parsed.kind,
      odsCode: reporter.value,
      periodStart: start,
      periodEnd: end,
      ...(usage ? { usage } : {}),
      ...(coveragePct !== undefined ? { coveragePct } : {}),
      at,
    },
  };
}
