/** The OpenAPI 3.1 description of the open-data API, served at /api/v1/openapi.json. */
export function openApiDocument(origin: string, suppressBelow: number) {
  const period = {
    name: "period",
    in: "path",
    required: true,
    description:
      'A published period: "2025-26-Q4" (URL-friendly) or "2025/26 Q4" percent-encoded. Financial years run April to March.',
    schema: { type: "string", examples: ["2025-26-Q4", "2025-26"] },
  };
  const format = (name: string) => ({
    description: `${name} as JSON; append .csv to the path for CSV with the same columns.`,
  });
  const error = {
    description: "The request could not be answered; the message says why.",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  };
  const listOf = (ref: string) => ({
    type: "object",
    required: ["data", "meta"],
    properties: {
      data: { type: "array", items: { $ref: `#/components/schemas/${ref}` } },
      meta: { type: "object", additionalProperties: true },
    },
  });
  const ok = (ref: string, name: string) => ({
    ...format(name),
    content: {
      "application/json": { schema: listOf(ref) },
      "text/csv": { schema: { type: "string" } },
    },
  });
  const filter = (name: string, description: string, schema: object = { type: "string" }) => ({
    name,
    in: "query",
    required: false,
    description,
    schema,
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "Realise open data",
      version: "1.0.0",
      description:
        "Read-only open data on NHS trusts' adoption of electronic patient record (EPR) functionality in England: " +
        "the organisation registry, the national framework, and official period snapshots frozen by the national " +
        "team. Published snapshots never change. Figures describe adoption, not quality of care: they are not a " +
        `league table. Where a group has fewer than ${suppressBelow} trusts, its breakdown is withheld.`,
      license: {
        name: "Open Government Licence v3.0",
        url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
      },
    },
    servers: [{ url: `${origin}/api/v1` }],
    paths: {
      "/organisations": {
        get: {
          operationId: "listOrganisations",
          summary: "NHS trusts with type, region, ICB and EPR status, keyed on ODS code",
          parameters: [
            filter("trustType", "Only trusts of this type", {
              enum: ["acute", "specialist", "combined", "mental_health", "community", "ambulance"],
            }),
            filter("region", "Only trusts in this NHS England region"),
            filter("icbCode", "Only trusts in this ICB today"),
            filter("eprStatus", "Only trusts with this EPR status", {
              enum: ["none", "procuring", "implementing", "live"],
            }),
            filter("eprSupplier", "Only trusts on this EPR supplier"),
          ],
          responses: { "200": ok("Organisation", "Trusts"), "400": error },
        },
      },
      "/organisations.csv": {
        get: {
          operationId: "listOrganisationsCsv",
          summary: "The organisations as CSV",
          responses: {
            "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } },
          },
        },
      },
      "/framework": {
        get: {
          operationId: "getFramework",
          summary: "A published framework version: tiers, functionalities, criteria, milestones",
          parameters: [
            filter("version", "Framework version; the one in force if omitted", { type: "integer" }),
          ],
          responses: {
            "200": {
              description: "The framework document as JSON; /framework.csv lists its functionalities.",
              content: {
                "application/json": { schema: { type: "object" } },
                "text/csv": { schema: { type: "string" } },
              },
            },
            "400": error,
            "404": error,
          },
        },
      },
      "/snapshots": {
        get: {
          operationId: "listSnapshots",
          summary: "Published snapshot periods",
          responses: { "200": ok("Snapshot", "Published snapshots") },
        },
      },
      "/snapshots/{period}/adoption": {
        get: {
          operationId: "getSnapshotAdoption",
          summary:
            "A published snapshot's adoption levels per trust and functionality, or counts by group with small-number suppression",
          parameters: [
            period,
            filter("odsCode", "Only this trust"),
            filter("functionalityCode", "Only this functionality, e.g. F01"),
            filter("groupBy", "Counts per group instead of per-trust rows", {
              enum: ["region", "icb", "trustType", "supplier"],
            }),
          ],
          responses: {
            "200": {
              ...format("Adoption rows (or groups with groupBy)"),
              content: {
                "application/json": {
                  schema: {
                    oneOf: [listOf("AdoptionRow"), listOf("GroupRow")],
                  },
                },
                "text/csv": { schema: { type: "string" } },
              },
            },
            "400": error,
            "404": error,
          },
        },
      },
      "/snapshots/{period}/adoption.csv": {
        get: {
          operationId: "getSnapshotAdoptionCsv",
          summary: "The same as CSV",
          parameters: [period],
          responses: {
            "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } },
            "404": error,
          },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: "object",
          properties: { error: { type: "object", properties: { message: { type: "string" } } } },
        },
        Organisation: {
          type: "object",
          properties: {
            odsCode: { type: "string" },
            name: { type: "string" },
            trustType: { type: "string" },
            region: { type: "string" },
            icbCode: { type: ["string", "null"] },
            icbName: { type: ["string", "null"] },
            eprStatus: { type: "string", enum: ["none", "procuring", "implementing", "live"] },
            eprSupplier: { type: ["string", "null"] },
            eprProduct: { type: ["string", "null"] },
          },
        },
        Snapshot: {
          type: "object",
          properties: {
            period: { type: "string" },
            frameworkVersion: { type: "integer" },
            publishedAt: { type: "string", format: "date-time" },
            trusts: { type: "integer" },
          },
        },
        AdoptionRow: {
          type: "object",
          properties: {
            period: { type: "string" },
            frameworkVersion: { type: "integer" },
            odsCode: { type: "string" },
            functionalityCode: { type: "string" },
            level: { type: "integer", minimum: 0, maximum: 5 },
            coveragePct: { type: ["number", "null"] },
            usageNumerator: { type: ["integer", "null"] },
            usageDenominator: { type: ["integer", "null"] },
            validationState: { type: "string" },
          },
        },
        GroupRow: {
          type: "object",
          properties: {
            period: { type: "string" },
            frameworkVersion: { type: "integer" },
            group: { type: ["string", "null"] },
            trusts: { type: "integer" },
            suppressed: { type: "boolean" },
            eprLive: { type: ["integer", "null"] },
            tierCounts: {
              type: ["array", "null"],
              items: { type: "integer" },
              description: "Trusts per attained tier, from 0 (none yet) upwards",
            },
          },
        },
      },
    },
  };
}
