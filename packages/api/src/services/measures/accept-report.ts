import { randomUUID } from "node:crypto";
import type { MeasureReport } from "@medplum/fhirtypes";
import {
  currentFramework,
  type DB,
  findMeasureReportReceipt,
  insertMeasureReportReceipt,
  listSnapshots,
  selectAdoption,
} from "@realise/db";
import { isAppError, type Principal, periodRange } from "@realise/domain";
import type { Kysely } from "kysely";
import { AdoptionUpdateInput } from "../../contracts/adoption.js";
import { updateAdoption } from "../adoption/update.js";
import { today } from "../clock.js";
import type { SystemCaller } from "../system-clients/authenticate.js";
import { structureIssues } from "./r4.js";
import { type ReportedMeasure, readReport } from "./read-report.js";
import { FhirRefusal } from "./refusal.js";

export interface AcceptedReport {
  /** False when the report's identifier was seen before: the first answer, and nothing changed. */
  created: boolean;
  report: MeasureReport;
}

/** The system client as the actor of the edit and its audit row. */
function actorOf(caller: SystemCaller): Principal {
  return {
    userId: `system-client:${caller.clientId}`,
    email: `${caller.name} (system client ${caller.clientId})`,
    name: caller.name,
    role: "trust_editor",
    odsCode: caller.odsCode,
  };
}

const EMPTY = {
  coveragePct: null,
  usageNumerator: null,
  usageDenominator: null,
  paperRetired: false,
  plannedGoLive: null,
  claimedLevel: null,
  claimReason: null,
  evidence: [],
  notes: "",
};

/**
 * Accept a summary MeasureReport from a trust's own system: its figures become the trust's values for the
 * functionality through the same update as a typed edit (validation, level, the records lock, versions,
 * audit), keeping the record's other values. The report's identifier makes it idempotent: a retry gets the
 * first answer and changes nothing.
 */
export async function acceptMeasureReport(
  db: Kysely<DB>,
  resource: unknown,
  caller: SystemCaller,
  origin: string,
): Promise<AcceptedReport> {
  if (typeof resource !== "object" || resource === null || Array.isArray(resource)) {
    throw new FhirRefusal(400, [
      { code: "structure", diagnostics: "The body must be a MeasureReport in FHIR JSON" },
    ]);
  }
  const report = resource as MeasureReport;
  if (report.resourceType !== "MeasureReport") {
    throw new FhirRefusal(400, [
      { code: "structure", expression: "resourceType", diagnostics: "The body must be a MeasureReport" },
    ]);
  }
  const structure = await structureIssues(report);
  if (structure.length > 0) {
    throw new FhirRefusal(
      400,
      structure.map((i) => ({ code: "structure" as const, ...i })),
    );
  }
  const framework = await currentFramework(db);
  const read = readReport(report, framework, origin, { today: today(), official: await latestOfficial(db) });
  if (!read.ok)
    throw new FhirRefusal(
      422,
      read.issues.map((i) => ({ code: "invalid" as const, ...i })),
    );
  const reported = read.reported;
  if (reported.odsCode !== caller.odsCode) {
    throw new FhirRefusal(403, [
      {
        code: "forbidden",
        expression: "MeasureReport.reporter.identifier.value",
        diagnostics: `This system client reports for ${caller.odsCode}, not ${reported.odsCode}`,
      },
    ]);
  }

  const seen = await repeated(db, reported, caller);
  if (seen) return seen;

  const record = await selectAdoption(db)
    .where("ods_code", "=", reported.odsCode)
    .where("functionality_code", "=", reported.functionalityCode)
    .executeTakeFirst();
  const kept = record
    ? {
        coveragePct: record.coveragePct,
        usageNumerator: record.usageNumerator,
        usageDenominator: record.usageDenominator,
        paperRetired: record.paperRetired,
        plannedGoLive: record.plannedGoLive,
        claimedLevel: record.claimedLevel,
        claimReason: record.claimReason,
        evidence: record.evidence,
        notes: record.notes,
      }
    : EMPTY;
  const parsed = AdoptionUpdateInput.safeParse({
    odsCode: reported.odsCode,
    functionalityCode: reported.functionalityCode,
    expectedVersion: record?.version ?? 0,
    values: {
      ...kept,
      ...(reported.usage
        ? { usageNumerator: reported.usage.numerator, usageDenominator: reported.usage.denominator }
        : { coveragePct: reported.coveragePct ?? null }),
      measurementWindowStart: reported.periodStart,
      measurementWindowEnd: reported.periodEnd,
    },
  });
  if (!parsed.success) {
    throw new FhirRefusal(
      422,
      parsed.error.issues.map((i) => ({
        code: "invalid" as const,
        expression: expressionOf(reported, i.path.map(String)),
        diagnostics: i.message,
      })),
    );
  }

  const receivedAt = new Date();
  const accepted: MeasureReport = {
    ...report,
    id: randomUUID(),
    meta: { lastUpdated: receivedAt.toISOString() },
  };
  const provenance = {
    source: "fhir-measure-report",
    clientId: caller.clientId,
    clientName: caller.name,
    reportIdentifier: reported.identifier,
    measure: reported.measure,
    period: { start: reported.periodStart, end: reported.periodEnd },
    receivedAt: receivedAt.toISOString(),
  };
  try {
    await updateAdoption(db, parsed.data, actorOf(caller), {
      provenance: async (trx) => {
        await insertMeasureReportReceipt(trx, {
          identifier: reported.identifier,
          clientId: caller.clientId,
          odsCode: reported.odsCode,
          functionalityCode: reported.functionalityCode,
          measure: reported.measure,
          periodStart: reported.periodStart,
          periodEnd: reported.periodEnd,
          outcome: accepted,
        });
        return provenance;
      },
    });
  } catch (error) {
    // The same report sent twice at once: the second waits on the first's receipt and then answers as a retry.
    if ((error as { code?: unknown }).code === "23505") {
      const again = await repeated(db, reported, caller);
      if (again) return again;
    }
    throw refusalOf(error, reported);
  }
  return { created: true, report: accepted };
}

/** The latest published official period and the day it ended, if any has been published. */
async function latestOfficial(db: Kysely<DB>) {
  const published = (await listSnapshots(db)).filter((s) => s.status === "published");
  let latest: { period: string; end: string } | undefined;
  for (const s of published) {
    const end = periodRange(s.period).end;
    if (!latest || end > latest.end) latest = { period: s.period, end };
  }
  return latest;
}

async function repeated(db: Kysely<DB>, reported: ReportedMeasure, caller: SystemCaller) {
  const receipt = await findMeasureReportReceipt(db, reported.identifier);
  if (!receipt) return undefined;
  if (receipt.clientId !== caller.clientId) {
    throw new FhirRefusal(409, [
      {
        code: "duplicate",
        expression: "MeasureReport.identifier",
        diagnostics: "Another system client already sent a report with this identifier",
      },
    ]);
  }
  const stored = typeof receipt.outcome === "string" ? JSON.parse(receipt.outcome) : receipt.outcome;
  return { created: false, report: stored as MeasureReport };
}

/** The report's element a domain refusal of `values.<field>` is about. */
function expressionOf(reported: ReportedMeasure, path: string[]): string {
  const field = path[0] === "values" ? path[1] : path[0];
  if (field === "usageNumerator" && reported.at.numerator) return reported.at.numerator;
  if (field === "usageDenominator" && reported.at.denominator) return reported.at.denominator;
  if (field === "coveragePct" && reported.at.coverage) return reported.at.coverage;
  if (field === "measurementWindowStart") return "MeasureReport.period.start";
  if (field === "measurementWindowEnd") return "MeasureReport.period.end";
  return "MeasureReport";
}

function refusalOf(error: unknown, reported: ReportedMeasure): unknown {
  if (!isAppError(error)) return error;
  switch (error.code) {
    case "BAD_REQUEST":
      return new FhirRefusal(
        422,
        (error.issues.length > 0 ? error.issues : [{ path: [], message: error.message }]).map((i) => ({
          code: "invalid" as const,
          expression: expressionOf(reported, i.path.map(String)),
          diagnostics: i.message,
        })),
      );
    case "PRECONDITION_FAILED":
      return new FhirRefusal(422, [{ code: "business-rule", diagnostics: error.message }]);
    case "CONFLICT":
      return new FhirRefusal(409, [
        { code: "conflict", diagnostics: "The record changed while the report was applied; send it again" },
      ]);
    case "NOT_FOUND":
      return new FhirRefusal(422, [
        { code: "not-found", expression: "MeasureReport.measure", diagnostics: error.message },
      ]);
    default:
      return error;
  }
}
