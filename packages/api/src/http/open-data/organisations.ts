import { createRoute } from "@hono/zod-openapi";
import { listOrganisations } from "@realise/db";
import type { z } from "zod";
import type { OpenDataRoutes } from "./context.js";
import { CACHE_FRESH, csvAnswer, jsonHeaders } from "./respond.js";
import {
  columnsOf,
  csvResponse,
  errorResponse,
  OrganisationRow,
  OrganisationsBody,
  OrganisationsQuery,
  pick,
} from "./schemas.js";

const SOURCE = "ODS registry and NHS England EPR records";

const json = createRoute({
  method: "get",
  path: "/organisations",
  operationId: "listOrganisations",
  summary: "NHS trusts with type, region, ICB and EPR status, keyed on ODS code",
  request: { query: OrganisationsQuery },
  responses: {
    200: {
      description: "Trusts, ordered by name",
      content: { "application/json": { schema: OrganisationsBody } },
    },
    400: errorResponse("A parameter is not valid"),
  },
});

const csv = createRoute({
  method: "get",
  path: "/organisations.csv",
  operationId: "listOrganisationsCsv",
  summary: "The same trusts as CSV",
  request: { query: OrganisationsQuery },
  responses: {
    200: csvResponse("One line per trust", OrganisationRow),
    400: errorResponse("A parameter is not valid"),
  },
});

export function organisationRoutes({ app, database }: OpenDataRoutes) {
  const read = async (filter: z.output<typeof OrganisationsQuery>) =>
    (await listOrganisations(database.db, filter)).map((row) => pick(OrganisationRow, row));

  app.openapi(json, async (c) => {
    const data = await read(c.req.valid("query"));
    return c.json({ data, meta: { count: data.length, source: SOURCE } }, 200, jsonHeaders(CACHE_FRESH));
  });
  app.openapi(csv, async (c) =>
    csvAnswer(c, await read(c.req.valid("query")), columnsOf(OrganisationRow), "organisations", CACHE_FRESH),
  );
}
