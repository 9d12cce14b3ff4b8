import type { Database } from "@realise/db";
import type { OpenAPIHono } from "@hono/zod-openapi";

export interface OpenDataOptions {
  database: Database;
  /** Public origin, e.g. https://realise.example: the document's server URL. */
  origin: string;
  /** Groups with fewer trusts than this show only their count. */
  suppressBelow?: number;
}

export const DEFAULT_SUPPRESS_BELOW = 5;

/** What every resource's routes are registered with. */
export interface OpenDataRoutes {
  app: OpenAPIHono;
  database: Database;
  suppressBelow: number;
}
