import type { OperationOutcome } from "@medplum/fhirtypes";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

/** An answer in FHIR JSON, never cached (a measure changes when a framework is published). */
export function fhirAnswer(c: Context, body: object, status: ContentfulStatusCode = 200) {
  return c.body(JSON.stringify(body), status, { "content-type": FHIR_JSON, "cache-control": "no-store" });
}

export interface OutcomeIssue {
  code:
    | "invalid"
    | "structure"
    | "required"
    | "value"
    | "not-found"
    | "security"
    | "login"
    | "forbidden"
    | "conflict"
    | "business-rule"
    | "not-supported"
    | "exception"
    | "duplicate"
    | "processing";
  diagnostics: string;
  expression?: string | undefined;
  severity?: "error" | "information";
}

export function outcomeOf(issues: readonly OutcomeIssue[]): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: issues.map((i) => ({
      severity: i.severity ?? "error",
      code: i.code,
      diagnostics: i.diagnostics,
      ...(i.expression ? { expression: [i.expression] } : {}),
    })),
  };
}

/** Every refusal of the FHIR interface: an OperationOutcome with the status given. */
export function outcomeAnswer(c: Context, status: ContentfulStatusCode, issues: readonly OutcomeIssue[]) {
  return fhirAnswer(c, outcomeOf(issues), status);
}
