import type { CapabilityStatement } from "@medplum/fhirtypes";

/** What the FHIR interface offers: read and search of Measures, and summary MeasureReports sent in. */
export function capabilityStatement(origin: string, version: string): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: new Date().toISOString().slice(0, 10),
    publisher: "Realise",
    kind: "instance",
    software: { name: "Realise", version },
    implementation: {
      description: "Realise FHIR R4 interface: EPR adoption measures",
      url: `${origin}/fhir`,
    },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        security: {
          description:
            "Measures are public. MeasureReports need a bearer token from POST /oauth/token (OAuth 2.0 client credentials, client_secret_basic) for a system client a trust's approver registered.",
        },
        resource: [
          {
            type: "Measure",
            interaction: [{ code: "read" }, { code: "search-type" }],
            searchParam: [
              { name: "url", type: "uri" },
              { name: "identifier", type: "token" },
              { name: "version", type: "token" },
              { name: "_count", type: "number" },
            ],
          },
          { type: "MeasureReport", interaction: [{ code: "create" }] },
        ],
        interaction: [{ code: "batch" }],
      },
    ],
  };
}
