import type { MeasureReport, OperationOutcome } from "@medplum/fhirtypes";
import { databaseDigest } from "@realise/db";
import { periodOf, periodRange, previousPeriod } from "@realise/domain";
import fc from "fast-check";
import { Client } from "fhir-kit-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startRealise } from "../../src/http/boot.js";
import { engines, useHarness } from "../support/harness.js";

const ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
const POP = "http://terminology.hl7.org/CodeSystem/measure-population";
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

/** A period the trust may report for: from the start of the current quarter (never frozen) to today. */
const QUARTER = periodOf(new Date(), "quarter");
const PERIOD = { start: periodRange(QUARTER).start, end: new Date().toISOString().slice(0, 10) };
/** The demo froze and published the last ended quarter's official figures. */
const FROZEN = periodRange(previousPeriod(QUARTER));

/** What the server answers: the report accepted, or an OperationOutcome. */
type Answer = { resourceType: string; id?: string; issue?: OperationOutcome["issue"] };

/** A summary usage report as an EPR would send it. */
function usageReport(
  origin: string,
  code: string,
  id: string,
  counts: { initial?: number; denominator: number; numerator: number },
  odsCode = "RGT",
): MeasureReport {
  return {
    resourceType: "MeasureReport",
    identifier: [{ system: "https://epr.example.nhs.uk/reports", value: id }],
    status: "complete",
    type: "summary",
    measure: `${origin}/fhir/Measure/${code}-usage`,
    reporter: { identifier: { system: ODS, value: odsCode } },
    period: PERIOD,
    group: [
      {
        population: [
          {
            code: { coding: [{ system: POP, code: "initial-population" }] },
            count: counts.initial ?? counts.denominator,
          },
          { code: { coding: [{ system: POP, code: "denominator" }] }, count: counts.denominator },
          { code: { coding: [{ system: POP, code: "numerator" }] }, count: counts.numerator },
        ],
      },
    ],
  };
}

/** Reports the server must refuse, each with the status and the element its OperationOutcome names. */
const MALFORMED = [
  {
    name: "a count of the wrong type",
    status: 400,
    edit: (r: MeasureReport) => ({
      ...r,
      group: [
        {
          population: [
            ...r.group![0]!.population!.slice(0, 2),
            { ...r.group![0]!.population![2], count: "12" },
          ],
        },
      ],
    }),
    expression: "MeasureReport.group[0].population[2].count",
  },
  {
    name: "a missing numerator population",
    status: 422,
    edit: (r: MeasureReport) => ({ ...r, group: [{ population: r.group![0]!.population!.slice(0, 2) }] }),
    expression: "MeasureReport.group[0].population",
  },
  {
    name: "a numerator above the denominator",
    status: 422,
    edit: (r: MeasureReport) => ({
      ...r,
      group: [{ population: r.group![0]!.population!.map((p, i) => (i === 2 ? { ...p, count: 401 } : p)) }],
    }),
    expression: "MeasureReport.group[0].population[2].count",
  },
  {
    name: "an unknown measure",
    status: 422,
    edit: (r: MeasureReport) => ({ ...r, measure: "https://example.org/fhir/Measure/F01-usage" }),
    expression: "MeasureReport.measure",
  },
  {
    name: "a period ending in the future",
    status: 422,
    edit: (r: MeasureReport) => ({ ...r, period: { start: PERIOD.start, end: "2999-01-01" } }),
    expression: "MeasureReport.period.end",
  },
  {
    name: "a period within official figures already frozen",
    status: 422,
    edit: (r: MeasureReport) => ({ ...r, period: FROZEN }),
    expression: "MeasureReport.period.end",
  },
];

describe.each(engines)("summary MeasureReports from a trust's system on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  let accessToken: string;
  let fhir: Client;
  let code: string;
  const digest = () => databaseDigest(h.database.db, { exclude: ["session"] });
  const tokenFor = async (odsCode: string) => {
    const client = await h
      .as(h.role("trust_approver", odsCode))
      .systemClients.create({ odsCode, name: `EPR nightly feed ${odsCode}` });
    const res = await fetch(`${server.url}/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: basic(client.clientId, client.clientSecret),
      },
      body: "grant_type=client_credentials",
    });
    return { ...client, token: ((await res.json()) as { access_token: string }).access_token };
  };
  const post = async (body: unknown, token = accessToken) => {
    const res = await fetch(`${server.url}/fhir/MeasureReport`, {
      method: "POST",
      headers: { "content-type": "application/fhir+json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const recordOf = async (odsCode: string, functionalityCode: string) => {
    const view = await h.as(h.role("trust_viewer", odsCode)).adoption.forOrganisation({ odsCode });
    return view.records.find((r) => r.functionalityCode === functionalityCode);
  };

  beforeAll(async () => {
    server = await startRealise({ port: 0, database: h.database, demo: false, log: () => {} });
    // PGlite's digests block this process's event loop for seconds, so the server's idle-socket timer and
    // the client's can fire in either order; a long server timeout leaves closing idle sockets to the client.
    server.server.keepAliveTimeout = 60_000;
    accessToken = (await tokenFor("RGT")).token;
    fhir = new Client({ baseUrl: `${server.url}/fhir`, bearerToken: accessToken });
    const view = await h.as(h.role("trust_viewer", "RGT")).adoption.forOrganisation({ odsCode: "RGT" });
    const trustType = view.organisation.trustType;
    // A functionality the trust already has a record for, so "keeps its other values" is tested.
    const withRecord = new Set(view.records.map((r) => r.functionalityCode));
    code = view.framework.functionalities.find(
      (f) => (f.appliesTo as string[]).includes(trustType) && withRecord.has(f.code),
    )!.code;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("a usage report becomes the trust's usage figures, keeping its other values, with provenance", async () => {
    const before = await recordOf("RGT", code);
    const created = (await fhir.create({
      resourceType: "MeasureReport",
      body: usageReport(server.url, code, "nightly-1", { denominator: 400, numerator: 361 }) as never,
    })) as unknown as MeasureReport;
    expect(created.id).toBeTruthy();
    const after = await recordOf("RGT", code);
    expect(after).toMatchObject({
      usageNumerator: 361,
      usageDenominator: 400,
      measurementWindowStart: PERIOD.start,
      measurementWindowEnd: PERIOD.end,
      coveragePct: before?.coveragePct,
      notes: before?.notes,
      paperRetired: before?.paperRetired,
      version: (before?.version ?? 0) + 1,
    });
    const history = await h
      .as(h.role("trust_viewer", "RGT"))
      .adoption.history({ odsCode: "RGT", functionalityCode: code });
    expect(history[0]?.after).toMatchObject({
      provenance: {
        clientName: "EPR nightly feed RGT",
        reportIdentifier: "https://epr.example.nhs.uk/reports|nightly-1",
        period: PERIOD,
      },
    });
  });

  it("a retry with the same identifier answers as before and changes nothing", async () => {
    const first = await post(
      usageReport(server.url, code, "nightly-2", { denominator: 500, numerator: 450 }),
    );
    expect(first.status).toBe(201);
    const unchanged = await digest();
    const retry = await post(
      usageReport(server.url, code, "nightly-2", { denominator: 500, numerator: 450 }),
    );
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expect(await digest()).toEqual(unchanged);
  });

  it("a coverage report's score becomes the trust's coverage", async () => {
    const report: MeasureReport = {
      ...usageReport(server.url, code, "coverage-1", { denominator: 1, numerator: 1 }),
      measure: `${server.url}/fhir/Measure/${code}-coverage`,
      group: [{ measureScore: { value: 0.875 } }],
    };
    expect((await post(report)).status).toBe(201);
    expect((await recordOf("RGT", code))?.coveragePct).toBe(87.5);
  });

  it("refuses unknown, expired and missing tokens with 401 and another trust's report with 403", async () => {
    const report = usageReport(server.url, code, "refused-1", { denominator: 10, numerator: 5 });
    expect((await post(report, "not-a-token")).status).toBe(401);
    const noToken = await fetch(`${server.url}/fhir/MeasureReport`, {
      method: "POST",
      headers: { "content-type": "application/fhir+json" },
      body: JSON.stringify(report),
    });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get("www-authenticate")).toContain("Bearer");

    const other = await tokenFor("RR8");
    const crossed = await post(report, other.token);
    expect(crossed.status).toBe(403);
    expect(crossed.body.issue?.[0]?.expression).toEqual(["MeasureReport.reporter.identifier.value"]);
    expect(
      (await post(usageReport(server.url, code, "refused-2", { denominator: 10, numerator: 5 }, "RR8")))
        .status,
    ).toBe(403);

    await h.database.db
      .updateTable("system_token")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("client_id", "=", other.clientId)
      .execute();
    expect(
      (
        await post(
          usageReport(server.url, code, "refused-3", { denominator: 10, numerator: 5 }, "RR8"),
          other.token,
        )
      ).status,
    ).toBe(401);
    await h
      .as(h.role("trust_approver", "RR8"))
      .systemClients.revoke({ odsCode: "RR8", clientId: other.clientId });
    const unchangedAfterTokens = await digest();
    expect((await post(report, other.token)).status).toBe(401);
    expect(await digest()).toEqual(unchangedAfterTokens);
  });

  it("refuses each malformed report with an OperationOutcome naming the element, and changes nothing", async () => {
    const unchanged = await digest();
    for (const { name, status, edit, expression } of MALFORMED) {
      const answer = await post(
        edit(usageReport(server.url, code, "bad-1", { denominator: 400, numerator: 300 })),
      );
      expect(answer.status, name).toBe(status);
      expect(answer.body.resourceType, name).toBe("OperationOutcome");
      const issue = answer.body.issue?.find((i) => i.expression?.includes(expression));
      expect(issue, `${name}: ${JSON.stringify(answer.body)}`).toBeDefined();
      expect(issue?.diagnostics, name).toBeTruthy();
    }
    // Digests are slow on PGlite: one comparison covers every refusal above.
    expect(await digest()).toEqual(unchanged);
  });

  it("accepts a batch Bundle entry by entry and refuses a transaction", async () => {
    const good = usageReport(server.url, code, "batch-1", { denominator: 800, numerator: 720 });
    const bad = usageReport(server.url, code, "batch-2", { denominator: 800, numerator: 900 });
    const entry = (resource: MeasureReport) => ({
      resource,
      request: { method: "POST", url: "MeasureReport" },
    });
    const answer = (await fhir.batch({
      body: { resourceType: "Bundle", type: "batch", entry: [entry(good), entry(bad)] } as never,
    })) as unknown as { type: string; entry: { response: { status: string; outcome?: Answer } }[] };
    expect(answer.type).toBe("batch-response");
    expect(answer.entry.map((e) => e.response.status)).toEqual(["201 Created", "422 Unprocessable Entity"]);
    expect(answer.entry[1]?.response.outcome?.issue?.[0]?.expression).toEqual([
      "MeasureReport.group[0].population[2].count",
    ]);
    expect(await recordOf("RGT", code)).toMatchObject({ usageNumerator: 720, usageDenominator: 800 });

    const transaction = await fetch(`${server.url}/fhir`, {
      method: "POST",
      headers: { "content-type": "application/fhir+json", authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ resourceType: "Bundle", type: "transaction", entry: [entry(good)] }),
    });
    expect(transaction.status).toBe(422);
  });

  it("is refused while the trust's return is submitted", async () => {
    await h
      .as(await h.principal("approver.rgt@demo.realise"))
      .returns.submit({ odsCode: "RGT", period: QUARTER });
    const unchanged = await digest();
    const answer = await post(usageReport(server.url, code, "locked-1", { denominator: 10, numerator: 9 }));
    expect(answer.status).toBe(422);
    expect(answer.body.issue?.[0]).toMatchObject({ code: "business-rule" });
    expect(answer.body.issue?.[0]?.diagnostics).toContain("submitted");
    expect(await digest()).toEqual(unchanged);
  });

  it("answers any malformed body with an OperationOutcome, never a 5xx, writing nothing", async () => {
    const unchanged = await digest();
    const valid = usageReport(server.url, code, "fuzz-base", {
      denominator: 10,
      numerator: 5,
    }) as unknown as Record<string, unknown>;
    const keys = Object.keys(valid);
    // Whole bodies of any JSON shape, and valid reports with one field replaced by any JSON value.
    const body = fc.oneof(
      fc.jsonValue(),
      fc
        .record({ key: fc.constantFrom(...keys), value: fc.jsonValue() })
        .map(({ key, value }) => ({ ...valid, identifier: [{ value: "fuzz" }], [key]: value })),
    );
    // Found by this property: an element named like one of Object's members crashed the R4 validator.
    const inherited = await fetch(`${server.url}/fhir/MeasureReport`, {
      method: "POST",
      headers: { "content-type": "application/fhir+json", authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ ...valid, type: { valueOf: null } }),
    });
    expect(inherited.status).toBe(400);
    expect(JSON.stringify(await inherited.json())).toContain("MeasureReport.type.valueOf");
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        sent++;
        const res = await fetch(`${server.url}/fhir/MeasureReport`, {
          method: "POST",
          headers: { "content-type": "application/fhir+json", authorization: `Bearer ${accessToken}` },
          body: JSON.stringify(b),
        });
        const answer = (await res.json()) as { resourceType?: string };
        // A report the server takes is a MeasureReport; anything else is an OperationOutcome.
        return res.status < 500 && (res.status < 300 || answer.resourceType === "OperationOutcome");
      }),
      { numRuns: 150 },
    );
    expect(sent).toBe(150);
    // The lock (previous test) refuses what would pass validation, so nothing may have changed.
    expect(await digest()).toEqual(unchanged);
  });
});
