import type { Database } from "@realise/db";
import { Hono } from "hono";
import { batchRoutes } from "./batch.js";
import { capabilityStatement } from "./capability.js";
import { measureRoutes } from "./measures.js";
import { fhirAnswer, outcomeAnswer } from "./outcome.js";
import { reportRoutes } from "./reports.js";

export interface FhirOptions {
  database: Database;
  /** Public origin: the Measures' canonical URLs are under it. */
  origin: string;
}

/** The FHIR R4 interface, mounted at /fhir: a CapabilityStatement and the framework's Measures, and MeasureReports from trusts' own systems. */
export function createFhirApp(options: FhirOptions): Hono {
  const { database, origin } = options;
  const app = new Hono();
  app.get("/metadata", (c) => fhirAnswer(c, capabilityStatement(origin, "0.1.0")));
  measureRoutes(app, database, origin);
  reportRoutes(app, database, origin);
  batchRoutes(app, database, origin);
  app.all("*", (c) =>
    outcomeAnswer(c, 404, [
      { code: "not-found", diagnostics: `No FHIR route ${c.req.method} ${c.req.path}` },
    ]),
  );
  app.onError((error, c) => {
    const code = (error as { code?: string }).code;
    if (code === "NOT_FOUND")
      return outcomeAnswer(c, 404, [{ code: "not-found", diagnostics: error.message }]);
    throw error;
  });
  return app;
}
