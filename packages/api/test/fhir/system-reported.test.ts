import type { MeasureReport } from "@medplum/fhirtypes";
import { periodOf, periodRange } from "@realise/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startRealise } from "../../src/http/boot.js";
import { sourcesSummary } from "../../src/reports/board-pack.js";
import { boardPackData } from "../../src/services/reports/index.js";
import { download, pdfText, savePdf } from "../reports/support.js";
import { signIn } from "../safety/http.js";
import { engines, useHarness } from "../support/harness.js";

const ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
const POP = "http://terminology.hl7.org/CodeSystem/measure-population";
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const PERIOD = {
  start: periodRange(periodOf(new Date(), "quarter")).start,
  end: new Date().toISOString().slice(0, 10),
};

function usageReport(origin: string, code: string, id: string, numerator: number, denominator: number) {
  return {
    resourceType: "MeasureReport",
    identifier: [{ system: "https://epr.example.nhs.uk/reports", value: id }],
    status: "complete",
    type: "summary",
    measure: `${origin}/fhir/Measure/${code}-usage`,
    reporter: { identifier: { system: ODS, value: "RGT" } },
    period: PERIOD,
    group: [
      {
        population: [
          { code: { coding: [{ system: POP, code: "initial-population" }] }, count: denominator },
          { code: { coding: [{ system: POP, code: "denominator" }] }, count: denominator },
          { code: { coding: [{ system: POP, code: "numerator" }] }, count: numerator },
        ],
      },
    ],
  } satisfies MeasureReport;
}

describe.each(engines)("system-reported figures and paused feeds on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  let code: string;
  let client: { clientId: string; clientSecret: string };
  const approver = () => h.as(h.role("trust_approver", "RGT"));
  const tokenRequest = () =>
    fetch(`${server.url}/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: basic(client.clientId, client.clientSecret),
      },
      body: "grant_type=client_credentials",
    });
  const post = (body: unknown, token: string) =>
    fetch(`${server.url}/fhir/MeasureReport`, {
      method: "POST",
      headers: { "content-type": "application/fhir+json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const recordOf = async () => {
    const view = await h.as(h.role("trust_viewer", "RGT")).adoption.forOrganisation({ odsCode: "RGT" });
    return view.records.find((r) => r.functionalityCode === code)!;
  };
  const handEdit = async (values: Record<string, unknown>) => {
    const r = await recordOf();
    const editor = await h.principal("editor.rgt@demo.realise");
    return h.as(editor).adoption.update({
      odsCode: "RGT",
      functionalityCode: code,
      expectedVersion: r.version,
      values: {
        coveragePct: r.coveragePct,
        usageNumerator: r.usageNumerator,
        usageDenominator: r.usageDenominator,
        measurementWindowStart: r.measurementWindowStart,
        measurementWindowEnd: r.measurementWindowEnd,
        paperRetired: r.paperRetired,
        plannedGoLive: r.plannedGoLive,
        claimedLevel: r.claimedLevel,
        claimReason: r.claimReason,
        evidence: [],
        notes: r.notes,
        ...values,
      },
    });
  };

  beforeAll(async () => {
    // No small-number suppression here: the quarter frozen below holds few trusts, and RGT's rows are the point.
    server = await startRealise({
      port: 0,
      database: h.database,
      demo: false,
      suppressBelow: 1,
      log: () => {},
    });
    client = await approver().systemClients.create({ odsCode: "RGT", name: "EPR nightly feed" });
    const view = await h.as(h.role("trust_viewer", "RGT")).adoption.forOrganisation({ odsCode: "RGT" });
    const withRecord = new Set(view.records.map((r) => r.functionalityCode));
    code = view.framework.functionalities.find(
      (f) => (f.appliesTo as string[]).includes(view.organisation.trustType) && withRecord.has(f.code),
    )!.code;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("a report makes the record system-reported, says so, and a hand edit of its figures clears it", async () => {
    const token = ((await (await tokenRequest()).json()) as { access_token: string }).access_token;
    expect((await post(usageReport(server.url, code, "sr-1", 300, 400), token)).status).toBe(201);
    const reported = await recordOf();
    expect(reported.validationState).toBe("system_reported");
    expect(reported.source).toMatchObject({
      kind: "system",
      name: "EPR nightly feed",
      periodStart: PERIOD.start,
      periodEnd: PERIOD.end,
    });

    // A note leaves the system's figures as they were: still system-reported.
    await handEdit({ notes: "Figures from the EPR's nightly extract" });
    expect((await recordOf()).validationState).toBe("system_reported");

    // Typing a figure over the system's makes the record self-assessed, entered by that person.
    await handEdit({ usageNumerator: 310 });
    const typed = await recordOf();
    expect(typed.validationState).toBe("self_assessed");
    expect(typed.source).toMatchObject({ kind: "person", name: "Editor RGT (demo)" });
  });

  it("a paused client gets no token and its reports are refused with a plain OperationOutcome", async () => {
    const token = ((await (await tokenRequest()).json()) as { access_token: string }).access_token;
    const paused = await approver().systemClients.pause({ odsCode: "RGT", clientId: client.clientId });
    expect(paused?.pausedAt).toBeInstanceOf(Date);
    await expect(
      h.as(h.role("trust_editor", "RGT")).systemClients.resume({ odsCode: "RGT", clientId: client.clientId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const refusedToken = await tokenRequest();
    expect(refusedToken.status).toBe(401);
    expect(((await refusedToken.json()) as { error_description: string }).error_description).toContain(
      "paused",
    );

    const before = await recordOf();
    const refused = await post(usageReport(server.url, code, "sr-paused", 350, 400), token);
    expect(refused.status).toBe(401);
    const outcome = (await refused.json()) as { resourceType: string; issue: { diagnostics: string }[] };
    expect(outcome.resourceType).toBe("OperationOutcome");
    expect(outcome.issue[0]?.diagnostics).toContain("EPR nightly feed is paused");
    expect((await recordOf()).version).toBe(before.version);

    const audit = await h.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_key", "=", client.clientId)
      .execute();
    expect(audit.map((a) => a.action)).toContain("systemClient.pause");

    await approver().systemClients.resume({ odsCode: "RGT", clientId: client.clientId });
    expect((await tokenRequest()).status).toBe(200);
    expect((await post(usageReport(server.url, code, "sr-resumed", 350, 400), token)).status).toBe(201);
    expect((await recordOf()).validationState).toBe("system_reported");
  });

  // Last: freezing the quarter makes later reports for it too old.
  it("keeps system-reported through acceptance, into the official figures, open data, the heatmap and the board pack", async () => {
    const quarter = periodOf(new Date(), "quarter");
    const heatmap = await h.as(h.role("national_analyst")).national.heatmap({});
    const rgt = heatmap.trusts.find((t) => t.odsCode === "RGT");
    expect(rgt?.systemReported).toBe(1);
    expect(heatmap.systemReported).toEqual({ records: 1, trusts: 1 });

    const approverRgt = h.as(await h.principal("approver.rgt@demo.realise"));
    await approverRgt.returns.submit({ odsCode: "RGT", period: quarter });
    const admin = h.as(await h.principal("admin@demo.realise"));
    await admin.returns.accept({ odsCode: "RGT", period: quarter });
    expect((await recordOf()).validationState).toBe("system_reported");

    const dayAfter = new Date(`${periodRange(quarter).end}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    process.env.REALISE_TODAY = dayAfter.toISOString().slice(0, 10);
    try {
      await admin.snapshots.freeze({ period: quarter });
    } finally {
      delete process.env.REALISE_TODAY;
    }
    const slug = quarter.replace("/", "-").replace(" ", "-");
    const json = (await (
      await fetch(`${server.url}/api/v1/snapshots/${slug}/adoption?odsCode=RGT`)
    ).json()) as {
      data: { functionalityCode: string; validationState: string; systemReported: boolean }[];
    };
    const rows = new Map(json.data.map((r) => [r.functionalityCode, r]));
    expect(rows.get(code)).toMatchObject({ validationState: "system_reported", systemReported: true });
    expect(json.data.filter((r) => r.systemReported)).toHaveLength(1);
    expect(json.data.filter((r) => !r.systemReported).every((r) => r.validationState === "validated")).toBe(
      true,
    );
    const csv = await (await fetch(`${server.url}/api/v1/snapshots/${slug}/adoption.csv?odsCode=RGT`)).text();
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    const column = header!.split(",").indexOf("systemReported");
    expect(column).toBeGreaterThan(-1);
    expect(lines.filter((l) => l.split(",")[column] === "true")).toHaveLength(1);

    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      components: { schemas: { AdoptionRow: { properties: Record<string, { description?: string }> } } };
    };
    expect(doc.components.schemas.AdoptionRow.properties.systemReported?.description).toContain("own system");

    const pack = await boardPackData(h.database.db, {
      odsCode: "RGT",
      period: { kind: "official", period: quarter },
    });
    expect(pack.sources).toEqual({ records: json.data.length, systemReported: 1 });
    expect(sourcesSummary(pack.sources)).toBe(
      `1 of ${json.data.length} records system-reported by the trust's own EPR; ${json.data.length - 1} entered by staff (self-assessed)`,
    );
    const { cookie } = await signIn(server.url, "editor.rgt@demo.realise");
    const pdf = await download(server.url, `/reports/trusts/RGT/board-pack.pdf?period=${slug}`, cookie);
    expect(pdf.status).toBe(200);
    const text = pdfText(savePdf("board-pack-system-reported.pdf", pdf.body)).replace(/\s+/g, " ");
    expect(text).toContain(`1 of ${json.data.length} records system-reported`);
  });
});
