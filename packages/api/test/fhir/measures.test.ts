import type { Bundle, CapabilityStatement, Measure } from "@medplum/fhirtypes";
import { Client } from "fhir-kit-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startRealise } from "../../src/http/boot.js";
import { structureIssues } from "../../src/services/measures/r4.js";
import { engines, useHarness } from "../support/harness.js";

describe.each(engines)("FHIR Measures on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  let fhir: Client;
  const searchMeasures = async (params: {
    resourceType: "Measure";
    searchParams: Record<string, string | number>;
  }) => (await fhir.search(params)) as unknown as Bundle<Measure>;

  beforeAll(async () => {
    server = await startRealise({ port: 0, database: h.database, demo: false, log: () => {} });
    fhir = new Client({ baseUrl: `${server.url}/fhir` });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("states its capabilities as FHIR 4.0.1 in FHIR JSON", async () => {
    const res = await fetch(`${server.url}/fhir/metadata`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/fhir+json");
    const statement = (await res.json()) as CapabilityStatement;
    expect(statement.resourceType).toBe("CapabilityStatement");
    expect(statement.fhirVersion).toBe("4.0.1");
    expect(await structureIssues(statement)).toEqual([]);
  });

  it("pages through every Measure with a FHIR client, each valid R4", async () => {
    const framework = await h.as(null).framework.current();
    let bundle = await searchMeasures({
      resourceType: "Measure",
      searchParams: { _count: 25 },
    });
    expect(bundle.type).toBe("searchset");
    expect(bundle.total).toBe(framework.functionalities.length * 2);
    const seen: Measure[] = [];
    let pages = 0;
    for (;;) {
      pages++;
      seen.push(...(bundle.entry ?? []).map((e) => e.resource as Measure));
      const next = fhir.nextPage({ bundle: bundle as never });
      if (!next) break;
      bundle = (await next) as unknown as Bundle<Measure>;
    }
    expect(pages).toBe(Math.ceil(seen.length / 25));
    const ids = seen.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(framework.functionalities.flatMap((f) => [`${f.code}-coverage`, `${f.code}-usage`]));
    for (const measure of seen) {
      expect(await structureIssues(measure), measure.id).toEqual([]);
      expect(measure.version).toBe(String(framework.version));
      expect(measure.url).toBe(`${server.url}/fhir/Measure/${measure.id}`);
      expect(measure.scoring?.coding?.[0]?.code).toBe("proportion");
      expect(measure.improvementNotation?.coding?.[0]?.code).toBe("increase");
      expect(measure.group?.[0]?.population?.map((p) => p.code?.coding?.[0]?.code)).toEqual([
        "initial-population",
        "denominator",
        "numerator",
      ]);
    }
  });

  it("describes a usage measure with the framework's definitions and references", async () => {
    const framework = await h.as(null).framework.current();
    const f = framework.functionalities.find((x) => (x.references.dcf ?? []).length > 0)!;
    const measure = (await fhir.read({
      resourceType: "Measure",
      id: `${f.code}-usage`,
    })) as unknown as Measure;
    expect(measure.status).toBe("active");
    const populations = measure.group?.[0]?.population ?? [];
    expect(populations[1]?.description).toBe(f.usage.denominator);
    expect(populations[2]?.description).toBe(f.usage.numerator);
    expect(measure.relatedArtifact?.map((a) => a.label)).toEqual(
      expect.arrayContaining(f.references.dcf ?? []),
    );
  });

  it("finds a Measure by canonical url and by identifier, and refuses what it does not know", async () => {
    const url = `${server.url}/fhir/Measure/F01-coverage`;
    const byUrl = await searchMeasures({ resourceType: "Measure", searchParams: { url } });
    expect(byUrl.entry?.map((e) => e.resource?.id)).toEqual(["F01-coverage"]);
    const byIdentifier = await searchMeasures({
      resourceType: "Measure",
      searchParams: { identifier: "F02-usage" },
    });
    expect(byIdentifier.entry?.map((e) => e.resource?.id)).toEqual(["F02-usage"]);
    const none = await searchMeasures({
      resourceType: "Measure",
      searchParams: { url: `${url}|999` },
    });
    expect(none.total).toBe(0);

    const missing = await fetch(`${server.url}/fhir/Measure/F01-nothing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { resourceType: string }).resourceType).toBe("OperationOutcome");
    const badCount = await fetch(`${server.url}/fhir/Measure?_count=many`);
    expect(badCount.status).toBe(400);
    const unknown = await fetch(`${server.url}/fhir/Measure?colour=blue`);
    expect(unknown.status).toBe(400);
  });
});
