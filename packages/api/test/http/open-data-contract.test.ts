// The open data keeps the promise its OpenAPI document makes: every JSON answer validates against the
// document's own schema for that route and status, every route the app answers is documented, every
// documented route and parameter answers a valid sample, and a bad parameter is a 400 that names it.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { periodOf, previousPeriod } from "@realise/domain";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenDataApp } from "../../src/http/open-data/index.js";
import { toCsv } from "../../src/lib/csv.js";
import { type Running, startRealise } from "../../src/http/boot.js";
import { engines, useHarness } from "../support/harness.js";

/** The latest ended quarter, published by the demo from its accepted returns; and one never frozen. */
const PERIOD = previousPeriod(periodOf(new Date(), "quarter"));
const SLUG = PERIOD.replace("/", "-").replace(" ", "-");
const UNPUBLISHED = [1, 2, 3, 4, 5]
  .reduce((p) => previousPeriod(p), PERIOD)
  .replace("/", "-")
  .replace(" ", "-");

interface ParameterDoc {
  name: string;
  in: "query" | "path";
  required?: boolean;
  schema: Record<string, unknown>;
}
interface OperationDoc {
  parameters?: ParameterDoc[];
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, { get: OperationDoc }>;
  components: { schemas: Record<string, object> };
}
interface Answer {
  template: string;
  url: string;
  status: number;
  type: string;
  text: string;
}

/** Valid values of a documented parameter: every enum member, else its examples. */
function validValues(parameter: ParameterDoc): string[] {
  const schema = parameter.schema;
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  const examples = [
    ...(Array.isArray(schema.examples) ? schema.examples : []),
    ...(schema.example === undefined ? [] : [schema.example]),
  ];
  return examples.map(String);
}

/** Values a client might send by mistake; each parameter is tried with the first its schema refuses. */
const MISTAKES = ["not-a-valid-value!", "2025-13-45", "x".repeat(201), "\u0000x"];

describe.each(engines)("open-data contract on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  let doc: Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its plugin is the default export's default under NodeNext.
  formats.default(ajv);
  const validators = new Map<string, ValidateFunction>();
  const answers: Answer[] = [];

  const fill = (template: string, period = SLUG) => template.replace("{period}", encodeURIComponent(period));

  async function get(template: string, url: string): Promise<Answer> {
    const res = await fetch(`${server.url}/api/v1${url}`);
    const answer = {
      template,
      url,
      status: res.status,
      type: res.headers.get("content-type") ?? "",
      text: await res.text(),
    };
    answers.push(answer);
    return answer;
  }

  /** The document's schema for a route's answer, with the components its $refs point at. */
  function validatorFor(template: string, status: number, mediaType: string): ValidateFunction {
    const key = `${template} ${status} ${mediaType}`;
    const known = validators.get(key);
    if (known) return known;
    const response = doc.paths[template]?.get.responses[String(status)];
    const schema = response?.content?.[mediaType]?.schema;
    expect(schema, `${key} is documented`).toBeDefined();
    const validate = ajv.compile({ ...schema, components: doc.components });
    validators.set(key, validate);
    return validate;
  }

  /** An answer matches what the document says of its route, status and content type. */
  function expectDocumented(answer: Answer) {
    const where = `GET /api/v1${answer.url} → ${answer.status}`;
    const operation = doc.paths[answer.template]!.get;
    expect(Object.keys(operation.responses), `${where} is a documented status`).toContain(
      String(answer.status),
    );
    const mediaType = answer.type.split(";")[0]!.trim();
    expect(Object.keys(operation.responses[String(answer.status)]?.content ?? {}), where).toContain(
      mediaType,
    );
    if (mediaType === "application/json") {
      const validate = validatorFor(answer.template, answer.status, mediaType);
      const valid = validate(JSON.parse(answer.text));
      expect(valid ? [] : validate.errors, where).toEqual([]);
    }
  }

  beforeAll(async () => {
    server = await startRealise({
      port: 0,
      database: h.database,
      demo: false,
      // High enough that some trust types are suppressed, so both forms of a group are checked.
      suppressBelow: 11,
      log: () => {},
    });
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Document;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("is an OpenAPI 3.1 document whose every route and parameter answers a valid sample, as documented", async () => {
    expect(doc.openapi).toBe("3.1.0");
    let samples = 0;
    for (const [template, item] of Object.entries(doc.paths)) {
      const base = await get(template, fill(template));
      expect(base.status, `GET ${base.url}`).toBe(200);
      for (const parameter of item.get.parameters ?? []) {
        if (parameter.in !== "query") continue;
        const values = validValues(parameter);
        expect(values.length, `${template} ?${parameter.name} has a sample value`).toBeGreaterThan(0);
        for (const value of values) {
          const answer = await get(
            template,
            `${fill(template)}?${parameter.name}=${encodeURIComponent(value)}`,
          );
          expect(answer.status, `GET ${answer.url}`).toBe(200);
        }
      }
      samples++;
    }
    // The official form of a period, and the answers that are not 200.
    await get("/snapshots/{period}/adoption", fill("/snapshots/{period}/adoption", PERIOD));
    await get(
      "/snapshots/{period}/adoption",
      "/snapshots/2025-26/adoption?odsCode=RGT&functionalityCode=F01",
    );
    await get("/snapshots/{period}/adoption", fill("/snapshots/{period}/adoption", UNPUBLISHED));
    await get("/framework", "/framework?version=99");
    for (const answer of answers) expectDocumented(answer);
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].sort()).toEqual([200, 404]);
    expect(samples).toBe(Object.keys(doc.paths).length);
    // The snapshot sampled really has rows, so the row schemas were exercised and not just an empty list.
    const rows = answers.find((a) => a.url === `/snapshots/${SLUG}/adoption`);
    expect(JSON.parse(rows!.text).data.length).toBeGreaterThan(10);
    const groups = answers.find((a) => a.url === `/snapshots/${SLUG}/adoption?groupBy=trustType`);
    expect(JSON.parse(groups!.text).data.some((g: { suppressed: boolean }) => g.suppressed)).toBe(true);
    // And the schemas are strict enough to catch a drift: a live tier figure leaking into the registry fails.
    const organisations = JSON.parse(answers.find((a) => a.url === "/organisations")!.text);
    organisations.data[0].attainedTier = 2;
    expect(validatorFor("/organisations", 200, "application/json")(organisations)).toBe(false);
    console.info(`[contract] ${engine}: ${answers.length} open-data answers checked against the document`);
  });

  it("sends CSV with the same columns as the JSON twin", async () => {
    const twins = Object.keys(doc.paths).filter((p) => p.endsWith(".csv"));
    expect(twins.sort()).toEqual([
      "/framework.csv",
      "/organisations.csv",
      "/snapshots.csv",
      "/snapshots/{period}/adoption.csv",
    ]);
    for (const csvPath of twins) {
      const jsonPath = csvPath.slice(0, -".csv".length);
      expect(Object.keys(doc.paths), `${csvPath} has a JSON twin`).toContain(jsonPath);
      for (const query of jsonPath.includes("{period}") ? ["", "?groupBy=region"] : [""]) {
        const csv = await get(csvPath, `${fill(csvPath)}${query}`);
        expect(csv.status).toBe(200);
        expect(csv.type).toContain("text/csv");
        const header = Papa.parse<string[]>(csv.text.split("\r\n")[0]!).data[0];
        const json = JSON.parse((await get(jsonPath, `${fill(jsonPath)}${query}`)).text);
        // The framework's JSON is the whole document; its CSV lists the functionalities.
        const rows: object[] = jsonPath === "/framework" ? [] : json.data;
        if (rows.length > 0) expect(header, `${csvPath}${query}`).toEqual(Object.keys(rows[0]!));
        const described = doc.paths[csvPath]!.get.responses["200"]!.description;
        expect(described, `${csvPath} names its columns`).toContain(header!.join(", "));
      }
    }
  });

  it("documents every route the app answers, and nothing else answers", async () => {
    const app = createOpenDataApp({ database: h.database, origin: server.url });
    const answered = new Set(
      app.routes
        .filter((r) => r.method === "GET" && !r.path.includes("*"))
        .map((r) => r.path.replace(/:([^/]+)/g, "{$1}")),
    );
    expect([...answered].sort()).toEqual(Object.keys(doc.paths).sort());
    // Paths a client might guess; each is either documented or a 404 that points at the document.
    const guesses = [
      "",
      "/",
      "/openapi.json.csv",
      "/openapi.yaml",
      "/framework.json",
      "/organisations/RGT",
      "/organisations/",
      "/snapshots/",
      `/snapshots/${SLUG}`,
      `/snapshots/${SLUG}.csv`,
      `/snapshots/${SLUG}/groups`,
      `/snapshots/${SLUG}/adoption/`,
      "/snapshots/2025/26 Q4/adoption",
      "/trusts",
    ];
    for (const guess of guesses) {
      const res = await fetch(`${server.url}/api/v1${guess}`);
      expect(res.status, `GET /api/v1${guess}`).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain("openapi.json");
    }
  });

  it("refuses a bad parameter with a 400 that names it, a NUL included", async () => {
    let checked = 0;
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const parameter of item.get.parameters ?? []) {
        // The documented schema says which mistake it refuses (the period's check is the server's own).
        const refuses = ajv.compile(parameter.schema);
        const mistake = MISTAKES.find((value) => !refuses(value)) ?? "nonsense";
        const bad = parameter.schema.type === "string" ? [mistake, "a\u0000b"] : [mistake];
        for (const value of bad) {
          const url =
            parameter.in === "path"
              ? fill(template, value)
              : `${fill(template)}?${parameter.name}=${encodeURIComponent(value)}`;
          const answer = await get(template, url);
          expect(answer.status, `GET ${url}`).toBe(400);
          expectDocumented(answer);
          const body = JSON.parse(answer.text) as { error: { message: string; fieldErrors?: object } };
          if (parameter.in === "path" && value.includes("\u0000")) {
            // The edge refuses a control character in a path before any route reads its segments.
            expect(body.error.message, url).toContain("request path");
          } else {
            expect(body.error.message, url).toContain(parameter.name);
            expect(Object.keys(body.error.fieldErrors ?? {}), url).toEqual([parameter.name]);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe("the one CSV writer", () => {
  it("neutralises formulae in cells and lists, and keeps numbers, dates and empty cells plain", () => {
    const csv = toCsv(
      [
        {
          name: "=HYPERLINK(1)",
          list: ["@SUM(A1)", "b"],
          n: -3,
          at: new Date("2026-03-31T09:00:00Z"),
          x: null,
        },
        { name: "+1", list: [], n: 0, at: undefined, x: "\tcmd" },
      ],
      ["name", "list", "n", "at", "x"],
    );
    expect(csv.split("\r\n")).toEqual([
      "name,list,n,at,x",
      "'=HYPERLINK(1),'@SUM(A1);b,-3,2026-03-31T09:00:00.000Z,",
      "'+1,,0,,'\tcmd",
    ]);
  });
});
