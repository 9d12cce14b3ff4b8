import type { Bundle, BundleEntry } from "@medplum/fhirtypes";
import type { Database } from "@realise/db";
import type { Hono } from "hono";
import { acceptMeasureReport, FhirRefusal } from "../../services/measures/index.js";
import { outcomeOf } from "./outcome.js";
import { fhirAnswer, outcomeAnswer } from "./outcome.js";
import { callerOf, FHIR_BODY } from "./reports.js";

const MAX_ENTRIES = 100;
const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  400: "Bad Request",
  403: "Forbidden",
  409: "Conflict",
  422: "Unprocessable Entity",
};

/**
 * POST /fhir with a batch Bundle of MeasureReports: each entry is accepted or refused on its own, as if
 * posted alone, and the batch-response says which. A transaction is refused: each report is its own
 * transaction (the records guard opens it), so all-or-nothing across reports cannot be promised.
 */
export function batchRoutes(app: Hono, database: Database, origin: string) {
  // The base is `/fhir`; clients that join paths send `/fhir/`, and both mean the base.
  app.on("POST", ["/", "/:base{/?}"], async (c) => {
    const caller = await callerOf(c, database);
    if (caller instanceof Response) return caller;
    if (!FHIR_BODY.test(c.req.header("content-type") ?? "")) {
      return outcomeAnswer(c, 415, [
        { code: "not-supported", diagnostics: "Send the Bundle as application/fhir+json" },
      ]);
    }
    let bundle: Bundle;
    try {
      bundle = JSON.parse(await c.req.text()) as Bundle;
    } catch {
      return outcomeAnswer(c, 400, [{ code: "structure", diagnostics: "The body is not valid JSON" }]);
    }
    if (bundle?.resourceType !== "Bundle") {
      return outcomeAnswer(c, 400, [
        { code: "structure", expression: "resourceType", diagnostics: "Send a Bundle" },
      ]);
    }
    if (bundle.type !== "batch") {
      return outcomeAnswer(c, 422, [
        {
          code: "not-supported",
          expression: "Bundle.type",
          diagnostics: "Only a batch Bundle is accepted: each MeasureReport is applied on its own",
        },
      ]);
    }
    const entries = bundle.entry ?? [];
    if (!Array.isArray(entries) || entries.length > MAX_ENTRIES) {
      return outcomeAnswer(c, 400, [
        {
          code: "invalid",
          expression: "Bundle.entry",
          diagnostics: `A batch holds at most ${MAX_ENTRIES} entries`,
        },
      ]);
    }
    const answers: BundleEntry[] = [];
    for (const [index, entry] of entries.entries()) {
      const target = entry?.request?.url?.replace(/^\/+/, "").split("?")[0];
      if (entry?.request?.method !== "POST" || target !== "MeasureReport") {
        answers.push(
          refused(
            400,
            `Entry ${index}: only POST MeasureReport is accepted`,
            `Bundle.entry[${index}].request`,
          ),
        );
        continue;
      }
      try {
        const accepted = await acceptMeasureReport(database.db, entry.resource, caller, origin);
        answers.push({
          resource: accepted.report,
          response: { status: accepted.created ? "201 Created" : "200 OK" },
        });
      } catch (error) {
        if (!(error instanceof FhirRefusal)) throw error;
        answers.push({
          response: {
            status: `${error.status} ${REASONS[error.status] ?? ""}`.trim(),
            outcome: outcomeOf(error.issues),
          },
        });
      }
    }
    return fhirAnswer(c, { resourceType: "Bundle", type: "batch-response", entry: answers } satisfies Bundle);
  });
}

function refused(status: 400, diagnostics: string, expression: string): BundleEntry {
  return {
    response: {
      status: `${status} ${REASONS[status]}`,
      outcome: outcomeOf([{ code: "not-supported", expression, diagnostics }]),
    },
  };
}
