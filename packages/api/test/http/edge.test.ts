import { gunzipSync } from "node:zlib";
import { createDatabase } from "@realise/db";
import { Hono } from "hono";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStartingApp, edge } from "../../src/http/app.js";
import type { Running } from "../../src/http/boot.js";
import type { EdgeEnv } from "../../src/http/env.js";
import { classifyFailure } from "../../src/http/errors.js";
import { createLogger } from "../../src/http/logger.js";
import { type Answer, request, signIn, startServer, trpc } from "../safety/http.js";
import { engines, useHarness } from "../support/harness.js";
import { builtApp, headerOf, rawRequest } from "./support.js";
import { blankAdoption } from "../support/inputs.js";

function expectEdgeHeaders(answer: { headers: Record<string, unknown> }, where: string) {
  const csp = String(answer.headers["content-security-policy"] ?? "");
  expect(csp, where).toMatch(/frame-ancestors 'none'/);
  expect(csp, where).toMatch(/font-src 'self' data: https:\/\/assets\.nhs\.uk/);
  expect(answer.headers["x-content-type-options"], where).toBe("nosniff");
  expect(answer.headers["x-frame-options"], where).toBe("DENY");
  expect(String(answer.headers["x-request-id"] ?? ""), where).toMatch(/^[\w-]{8,}$/);
}

const notes = (text: string, expectedVersion: number) => ({
  odsCode: "RGT",
  functionalityCode: "F04",
  expectedVersion,
  values: { ...blankAdoption, coveragePct: 20, notes: text },
});

describe.each(engines)("HTTP edge on %s", (engine) => {
  const h = useHarness(engine);
  const app = builtApp();
  const lines: string[] = [];
  let server: Running;
  let port: number;

  beforeAll(async () => {
    server = await startServer(h.database, {
      webDist: app.dir,
      adminDist: app.dir,
      logger: createLogger({ level: "info", write: (line) => lines.push(line) }),
    });
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => server?.close());

  it("puts the security headers and a request id on 400s, 404s, 405s and 413s", async () => {
    const answers: Array<[string, Answer, number]> = [
      ["unknown api route", await request(server.url, "/api/nope"), 404],
      ["missing asset", await request(server.url, "/assets/nope.js"), 404],
      ["POST /", await request(server.url, "/", { method: "POST", body: "x" }), 405],
      ["PUT /healthz", await request(server.url, "/healthz", { method: "PUT" }), 405],
      ["DELETE /trpc", await request(server.url, "/trpc/framework.current", { method: "DELETE" }), 405],
      ["PATCH /api/auth", await request(server.url, "/api/auth/get-session", { method: "PATCH" }), 405],
      ["POST /api/v1", await request(server.url, "/api/v1/organisations", { method: "POST" }), 405],
      ["bad percent", await request(server.url, "/%E0%A4%A"), 400],
      [
        "413",
        await request(server.url, "/trpc/adoption.update", {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": "50000000" },
        }),
        413,
      ],
    ];
    for (const [where, answer, status] of answers) {
      expect(answer.status, where).toBe(status);
      expectEdgeHeaders(answer, where);
      if (status === 405) expect(answer.headers.allow, where).toMatch(/GET/);
    }
    expect((await request(server.url, "/healthz")).status).toBe(200);
  });

  it("answers a malformed percent-encoding with 400 and keeps serving", async () => {
    for (const target of [
      "/%E0%A4%A",
      "/%",
      "/admin/%C0%AF",
      "/trpc/x?input=%ZZ",
      "/api/v1/%FF",
      "/healthz?a=%00",
    ]) {
      const raw = await rawRequest(
        port,
        `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      expect(raw.status, target).toBe(400);
      expect(headerOf(raw.head, "content-security-policy"), target).toMatch(/default-src/);
    }
    expect((await request(server.url, "/healthz")).status).toBe(200);
  });

  it("redirects /admin to /admin/ and keeps the query", async () => {
    const r = await request(server.url, "/admin?x=1");
    expect(r.status).toBe(308);
    expect(r.headers.location).toBe("/admin/?x=1");
  });

  it("sends the precompressed twin of an asset, cached for a year, with an ETag that answers 304", async () => {
    const br = await request(server.url, app.asset, { headers: { "accept-encoding": "br, gzip" } });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const tag = String(br.headers.etag);
    expect(tag).toMatch(/^"/);
    const again = await request(server.url, app.asset, {
      headers: { "accept-encoding": "br, gzip", "if-none-match": tag },
    });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    const gz = await request(server.url, app.asset, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await request(server.url, app.asset);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.text).toBe(app.assetBody);
    // App pages revalidate every time.
    const page = await request(server.url, "/some/deep/link");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<title>Realise</title>");
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.headers.etag).toBeDefined();
  });

  it("compresses a large JSON answer", async () => {
    const wire = encodeURIComponent(JSON.stringify({ json: {} }));
    const plain = await request(server.url, `/trpc/organisations.list?input=${wire}`);
    const zipped = await new Promise<{ status: number; encoding?: string; body: Buffer }>(
      (resolve, reject) => {
        import("node:http").then(({ default: http }) => {
          http
            .get(
              `${server.url.replace("localhost", "127.0.0.1")}/trpc/organisations.list?input=${wire}`,
              { headers: { "accept-encoding": "br, gzip" } },
              (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (c: Buffer) => chunks.push(c));
                res.on("end", () =>
                  resolve({
                    status: res.statusCode ?? 0,
                    encoding: res.headers["content-encoding"],
                    body: Buffer.concat(chunks),
                  }),
                );
              },
            )
            .on("error", reject);
        }, reject);
      },
    );
    expect(plain.status).toBe(200);
    expect(zipped.status).toBe(200);
    expect(zipped.encoding).toBe("gzip");
    expect(gunzipSync(zipped.body).toString("utf8")).toBe(plain.text);
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(plain.text) / 4);
  });

  it("marks every signed-in answer and every /trpc and /api/auth answer no-store", async () => {
    const { cookie } = await signIn(server.url, "viewer.rgt@demo.realise");
    const signedIn: Array<[string, Answer]> = [
      ["/", await request(server.url, "/", { headers: { cookie } })],
      ["asset", await request(server.url, app.asset, { headers: { cookie } })],
      ["/api/v1", await request(server.url, "/api/v1/organisations", { headers: { cookie } })],
      ["/healthz", await request(server.url, "/healthz", { headers: { cookie } })],
      [
        "trpc",
        await trpc(server.url, "adoption.forOrganisation", { odsCode: "RGT" }, { cookie, method: "GET" }),
      ],
    ];
    for (const [where, answer] of signedIn) {
      expect(answer.status, where).toBeLessThan(400);
      expect(answer.headers["cache-control"], where).toBe("no-store");
    }
    const anonymous = await trpc(server.url, "framework.current", undefined, { method: "GET" });
    expect(anonymous.headers["cache-control"]).toBe("no-store");
    expect((await request(server.url, "/api/auth/get-session")).headers["cache-control"]).toBe("no-store");
    // Anonymous public pages may be cached by the browser.
    expect((await request(server.url, "/")).headers["cache-control"]).toBe("no-cache");
  });

  it("refuses a batch of more than 10 calls quickly, before any procedure runs", async () => {
    const ten = Array.from({ length: 10 }, () => "framework.current").join(",");
    const ok = await request(server.url, `/trpc/${ten}?batch=1&input=%7B%7D`);
    expect(ok.status).toBe(200);
    const eleven = `${ten},framework.current`;
    const started = performance.now();
    const refused = await request(server.url, `/trpc/${eleven}?batch=1&input=%7B%7D`);
    expect(refused.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(500);
    const huge = Array.from({ length: 500 }, () => "organisations.list").join(",");
    const big = await request(server.url, `/trpc/${huge}?batch=1&input=%7B%7D`);
    expect(big.status).toBe(400);
    const mutations = await request(
      server.url,
      `/trpc/${eleven.replaceAll("framework.current", "adoption.confirmTier")}?batch=1`,
      {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: "{}",
      },
    );
    expect(mutations.status).toBe(400);
  });

  it("answers NUL and other control characters in a text field with 400 naming the field", async () => {
    const { cookie } = await signIn(server.url, "editor.rgt@demo.realise");
    const row = await h.database.db
      .selectFrom("adoption_record")
      .select("version")
      .where("ods_code", "=", "RGT")
      .where("functionality_code", "=", "F04")
      .executeTakeFirst();
    for (const text of ["before\u0000after", "bell\u0007", "escape\u001b[31m", "del\u007f"]) {
      const r = await trpc(server.url, "adoption.update", notes(text, row?.version ?? 0), { cookie });
      expect(r.status, r.text.slice(0, 300)).toBe(400);
      expect(r.error?.message).toContain("values.notes");
      expect(r.text).not.toMatch(/byte sequence|UTF8|0x00|22021/i);
    }
    // Line breaks and tabs are text.
    const ok = await trpc(
      server.url,
      "adoption.update",
      notes("line one\nline two\tand a tab\r\n", row?.version ?? 0),
      {
        cookie,
      },
    );
    expect(ok.status, ok.text.slice(0, 300)).toBe(200);
  });

  it("echoes a safe incoming request id and replaces an unsafe one", async () => {
    const kept = await request(server.url, "/healthz", { headers: { "x-request-id": "lb-1234-abcd" } });
    expect(kept.headers["x-request-id"]).toBe("lb-1234-abcd");
    const replaced = await request(server.url, "/healthz", { headers: { "x-request-id": "a b<script>" } });
    expect(replaced.headers["x-request-id"]).not.toBe("a b<script>");
    const long = await request(server.url, "/healthz", { headers: { "x-request-id": "a".repeat(200) } });
    expect(long.headers["x-request-id"]).not.toBe("a".repeat(200));
  });

  it("refuses a write with an unparseable Referer with 400 and keeps the CSRF check", async () => {
    const { cookie } = await signIn(server.url, "editor.rgt@demo.realise");
    const r = await request(server.url, "/trpc/adoption.confirmTier", {
      method: "POST",
      headers: { cookie, "content-type": "application/json", referer: "http://[::1" },
      body: JSON.stringify({ json: { odsCode: "RGT", tier: 1 } }),
    });
    expect(r.status).toBe(400);
    expectEdgeHeaders(r, "bad referer");
  });

  it("logs one JSON line per request with its id and the user, never the cookie or the password", async () => {
    lines.length = 0;
    const { cookie } = await signIn(server.url, "viewer.rgt@demo.realise");
    const r = await trpc(
      server.url,
      "adoption.forOrganisation",
      { odsCode: "RGT" },
      { cookie, method: "GET" },
    );
    expect(r.status).toBe(200);
    const entries = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((e) => e.msg === "request");
    const call = entries.find((e) => e.procedures === "adoption.forOrganisation");
    expect(call).toMatchObject({ method: "GET", status: 200, requestId: r.headers["x-request-id"] });
    expect(typeof call?.userId).toBe("string");
    expect(typeof call?.ms).toBe("number");
    const all = lines.join("\n");
    expect(all).not.toContain("realise-demo");
    expect(all).not.toContain(cookie.split("=")[1]!.slice(0, 20));
    expect(all).not.toContain("RGT");
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("time limit on PostgreSQL", () => {
  it("cancels a statement that runs past the limit, and the edge calls that a 503", async () => {
    const database = await createDatabase({
      databaseUrl: process.env.TEST_DATABASE_URL,
      poolSize: 1,
      statementTimeoutMs: 200,
    });
    try {
      const started = performance.now();
      const error = await sql`select pg_sleep(5)`.execute(database.db).then(
        () => null,
        (e: unknown) => e,
      );
      expect(performance.now() - started).toBeLessThan(2_000);
      expect((error as { code?: string }).code).toBe("57014");
      expect(classifyFailure(error).status).toBe(503);
    } finally {
      await database.close();
    }
  });
});

describe("HTTP edge without a database", () => {
  it("maps text the database refuses to 400, the database being away to 503, without internals", async () => {
    const app = edge(new Hono<EdgeEnv>(), false, createLogger({ level: "silent" }));
    const refused = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: "22021",
    });
    const away = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const slow = Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
    app.get("/refused", () => {
      throw new Error("query failed", { cause: refused });
    });
    app.get("/away", () => {
      throw away;
    });
    app.get("/slow", () => {
      throw slow;
    });
    const r = await app.request("/refused");
    expect(r.status).toBe(400);
    expect(await r.text()).not.toMatch(/UTF8|0x00|22021/);
    const a = await app.request("/away");
    expect(a.status).toBe(503);
    expect(a.headers.get("retry-after")).toBe("1");
    expect(await a.text()).not.toContain("5432");
    expect((await app.request("/slow")).status).toBe(503);
  });

  it("puts the request id on every log line written while the request runs", async () => {
    const logged: string[] = [];
    const logger = createLogger({ level: "info", write: (l) => logged.push(l) });
    const app = edge(new Hono<EdgeEnv>(), false, logger);
    app.get("/work", async (c) => {
      await new Promise((r) => setTimeout(r, 5));
      logger.warn("deep inside the request");
      return c.text("done");
    });
    const res = await app.request("/work");
    const inside = logged.map((l) => JSON.parse(l)).find((e) => e.msg === "deep inside the request");
    expect(inside?.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("answers 503 with the usual headers while starting", async () => {
    const starting = createStartingApp(
      { engine: "pglite" } as Parameters<typeof createStartingApp>[0],
      true,
      createLogger({ level: "silent" }),
    );
    for (const path of ["/", "/trpc/x", "/healthz", "/%E0%A4%A"]) {
      const res = await starting.request(path, { method: path === "/" ? "POST" : "GET" });
      expect(res.status, path).toBe(503);
      expect(res.headers.get("retry-after"), path).toBe("1");
      expect(res.headers.get("strict-transport-security"), path).toMatch(/max-age/);
      expectEdgeHeaders({ headers: Object.fromEntries(res.headers) }, `starting ${path}`);
    }
  });

  it("answers a real bug with 500, the request id, the headers and no internals", async () => {
    const logged: string[] = [];
    const app = edge(new Hono<EdgeEnv>(), false, createLogger({ write: (l) => logged.push(l) }));
    app.get("/boom", () => {
      throw new Error("relation secret_table does not exist");
    });
    const res = await app.request("/boom");
    expect(res.status).toBe(500);
    const body = await res.text();
    const id = res.headers.get("x-request-id");
    expect(id).toBeTruthy();
    expect(body).toContain(id!);
    expect(body).not.toContain("secret_table");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    // The details are in the log, under the same id.
    expect(logged.join("\n")).toContain("secret_table");
    expect(logged.join("\n")).toContain(id!);
  });
});
