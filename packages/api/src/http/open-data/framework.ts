import { createRoute } from "@hono/zod-openapi";
import { currentFrameworkVersion, frameworkVersion } from "@realise/db";
import { AppError } from "@realise/domain";
import type { OpenDataRoutes } from "./context.js";
import { CACHE_IMMUTABLE, csvAnswer, jsonHeaders } from "./respond.js";
import {
  columnsOf,
  csvResponse,
  errorResponse,
  FrameworkBody,
  FrameworkQuery,
  FunctionalityRow,
  pick,
} from "./schemas.js";

const errors = {
  400: errorResponse("The version is not a whole number from 1"),
  404: errorResponse("No such version, or it is not published"),
};

const json = createRoute({
  method: "get",
  path: "/framework",
  operationId: "getFramework",
  summary: "A published framework version: tiers, functionalities, criteria, benefit types, milestones",
  request: { query: FrameworkQuery },
  responses: {
    200: {
      description: "The framework document",
      content: { "application/json": { schema: FrameworkBody } },
    },
    ...errors,
  },
});

const csv = createRoute({
  method: "get",
  path: "/framework.csv",
  operationId: "getFrameworkCsv",
  summary: "A published framework version's functionalities as CSV",
  request: { query: FrameworkQuery },
  responses: { 200: csvResponse("One line per functionality", FunctionalityRow), ...errors },
});

export function frameworkRoutes({ app, database }: OpenDataRoutes) {
  const read = async (requested: number | undefined) => {
    const version = requested ?? (await currentFrameworkVersion(database.db));
    const document = await frameworkVersion(database.db, version);
    // Drafts are work in progress of the national team, not open data.
    if (document.status === "draft") throw AppError.notFound(`Framework version ${version} is not published`);
    return document;
  };

  app.openapi(json, async (c) =>
    c.json(await read(c.req.valid("query").version), 200, jsonHeaders(CACHE_IMMUTABLE)),
  );
  app.openapi(csv, async (c) => {
    const document = await read(c.req.valid("query").version);
    const rows = document.functionalities.map((f) =>
      pick(FunctionalityRow, { ...f, frameworkVersion: document.version }),
    );
    return csvAnswer(
      c,
      rows,
      columnsOf(FunctionalityRow),
      `framework-v${document.version}-functionalities`,
      CACHE_IMMUTABLE,
    );
  });
}
