import { OpenAPIHono } from "@hono/zod-openapi";
import { DEFAULT_SUPPRESS_BELOW, type OpenDataOptions } from "./context.js";
import { documentRoute } from "./document.js";
import { frameworkRoutes } from "./framework.js";
import { organisationRoutes } from "./organisations.js";
import { normaliseQuery, notFound, onAppError, openToAll, readOnly, validationHook } from "./respond.js";
import { snapshotRoutes } from "./snapshots.js";

export { DEFAULT_SUPPRESS_BELOW, type OpenDataOptions } from "./context.js";

/**
 * The open-data API: read-only JSON and CSV of the registry, the framework and published snapshots, with
 * its OpenAPI document. Paths are relative to where it is mounted (/api/v1).
 */
export function createOpenDataApp(options: OpenDataOptions): OpenAPIHono {
  const suppressBelow = options.suppressBelow ?? DEFAULT_SUPPRESS_BELOW;
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.use("*", openToAll, readOnly, normaliseQuery);
  const routes = { app, database: options.database, suppressBelow };
  organisationRoutes(routes);
  frameworkRoutes(routes);
  snapshotRoutes(routes);
  documentRoute(app, options.origin, suppressBelow);
  // A route of its own rather than notFound(): a parent app that mounts this one keeps its own notFound.
  app.all("*", notFound);
  app.notFound(notFound);
  app.onError(onAppError);
  return app;
}
