import type { Database } from "@realise/db";
import type { Context, Hono } from "hono";
import { acceptMeasureReport, FhirRefusal } from "../../services/measures/index.js";
import { type SystemCaller, systemCallerOf } from "../../services/system-clients/index.js";
import { fhirAnswer, outcomeAnswer } from "./outcome.js";

export const FHIR_BODY = /^application\/(fhir\+)?json\b/i;

/** The system client a request's bearer token stands for, or an answer refusing it (401). */
export async function callerOf(c: Context, database: Database): Promise<SystemCaller | Response> {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(c.req.header("authorization") ?? "");
  const caller = match?.[1] ? await systemCallerOf(database.db, match[1]) : null;
  if (caller && !("refused" in caller)) return caller;
  c.header("www-authenticate", match ? 'Bearer error="invalid_token"' : 'Bearer realm="Realise"');
  const diagnostics =
    caller?.refused === "paused"
      ? `The system client ${caller.name} is paused by its trust: reports are refused until the trust's approver resumes it on the Connected systems page`
      : match
        ? "The bearer token is unknown, expired or revoked: get a new one from POST /oauth/token"
        : "Send a bearer token from POST /oauth/token in the Authorization header";
  return outcomeAnswer(c, 401, [{ code: caller?.refused === "paused" ? "security" : "login", diagnostics }]);
}

/** POST /fhir/MeasureReport: a trust's own system sends a summary report. */
export function reportRoutes(app: Hono, database: Database, origin: string) {
  app.post("/MeasureReport", async (c) => {
    const caller = await callerOf(c, database);
    if (caller instanceof Response) return caller;
    if (!FHIR_BODY.test(c.req.header("content-type") ?? "")) {
      return outcomeAnswer(c, 415, [
        { code: "not-supported", diagnostics: "Send the report as application/fhir+json" },
      ]);
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return outcomeAnswer(c, 400, [{ code: "structure", diagnostics: "The body is not valid JSON" }]);
    }
    try {
      const accepted = await acceptMeasureReport(database.db, body, caller, origin);
      return fhirAnswer(c, accepted.report, accepted.created ? 201 : 200);
    } catch (error) {
      if (error instanceof FhirRefusal) return outcomeAnswer(c, error.status, error.issues);
      throw error;
    }
  });
}
