import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { CACHE_DOCUMENT, jsonHeaders } from "./respond.js";

const DocumentBody = z
  .looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({}), paths: z.looseObject({}) })
  .meta({ description: "An OpenAPI 3.1 document" });

const route = createRoute({
  method: "get",
  path: "/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This description of the open-data API",
  responses: {
    200: {
      description: "The OpenAPI 3.1 document",
      content: { "application/json": { schema: DocumentBody } },
    },
  },
});

/** /openapi.json: generated from the routes' own schemas the first time it is asked for, then kept. */
export function documentRoute(app: OpenAPIHono, origin: string, suppressBelow: number) {
  let document: ReturnType<OpenAPIHono["getOpenAPI31Document"]> | undefined;
  app.openapi(route, (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "Realise open data",
        version: "1.0.0",
        description:
          "Read-only open data on NHS trusts' adoption of electronic patient record (EPR) functionality in England: " +
          "the organisation registry, the national framework, and official period snapshots frozen by the national " +
          "team. Published snapshots never change. Figures describe adoption, not quality of care: they are not a " +
          `league table. Where a group has fewer than ${suppressBelow} trusts, its breakdown is withheld, and so are ` +
          "the figures of each of its trusts everywhere else: their per-trust rows are not published and other " +
          "groups' counts leave them out (withheldTrusts), so no published total or row, nor the difference of " +
          "two, reveals a withheld group. " +
          "Every list is also served as CSV with the same columns: append .csv to its path.",
        license: {
          name: "Open Government Licence v3.0",
          url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        },
      },
      servers: [{ url: `${origin}/api/v1` }],
    });
    return c.json(document as unknown as z.output<typeof DocumentBody>, 200, jsonHeaders(CACHE_DOCUMENT));
  });
}
