import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../support/harness.js";
import { type Child, childDatabase, spawnRealise } from "./child.js";
import { rawRequest } from "./support.js";

/**
 * Malformed requests, sent as raw bytes to a real server process (`node dist/main.js`): none may get a
 * 5xx, hang or take more than 2 s, /healthz must answer between batches, and the process must be alive
 * at the end. The full run is on PGlite; PostgreSQL gets a smaller sample.
 */
const BATCH = 25;
const RUNS = { pglite: 200, postgres: 24 };

const FAMILIES = [
  "/",
  "/admin/",
  "/trpc/x",
  "/trpc/a,b",
  "/trpc/adoption.update",
  "/trpc/framework.current",
  "/api/auth/x",
  "/api/auth/sign-in/email",
  "/api/v1/x",
  "/api/v1/organisations",
  "/api/v1/snapshots/x/adoption",
  "/healthz",
  "/readyz",
];

/** Broken, overlong and otherwise invalid percent-encodings, and raw bytes that should have been encoded. */
const BAD_ENCODINGS = [
  "%",
  "%E",
  "%E0%A4%A",
  "%ZZ",
  "%%",
  "%C0%AF",
  "%C0%80",
  "%E0%80%AF",
  "%F0%80%80%AF",
  "%F8%88%80%80%80",
  "%ED%A0%80",
  "%FF%FE",
  "%80",
  "%00",
  "%0A",
  "%0D%0A",
  "%1B",
  "%7F",
  "%2e%2e/%2e%2e/etc/passwd",
  "..%2f..%2f",
  "\x80",
  "\xff",
  "\xc3\x28",
  "\x01",
  "\x7f",
  "\t",
  "é",
  "\u{1F642}",
];

const METHODS = [
  "GET",
  "GET",
  "POST",
  "POST",
  "HEAD",
  "PUT",
  "DELETE",
  "PATCH",
  "OPTIONS",
  "TRACE",
  "PROPFIND",
  "SEARCH",
  "get",
  "FOO",
  "G\x00T",
  "",
];

/** Bodies that are not JSON, JSON that is not superjson, and superjson that lies about its types. */
const BODIES = [
  "",
  "{",
  "}",
  "null",
  "[]",
  "\x00",
  '{"json":',
  '{"json":{},"meta":{"values":{"odsCode":["Date"]}}}',
  '{"json":{"a":1},"meta":{"values":{"a":["bigint"]}}}',
  '{"json":"x","meta":{"values":["custom","nope"]}}',
  '{"json":{"a":"b"},"meta":{"values":{"a":[["class","Nope"]]}}}',
  '{"json":{"a":{}},"meta":{"referentialEqualities":{"a":["b.c.d"]}}}',
  '{"json":{"__proto__":{"admin":true}}}',
  '{"json":{"odsCode":"RGT\\u0000"}}',
  '{"json":{"odsCode":"\\ud800"}}',
  '{"0":{"json":null,"meta":{"values":["map"]}}}',
  '{"json":1e999999}',
  "\xff\xfe{}",
  `{"json":${"[".repeat(5_000)}${"]".repeat(5_000)}}`,
];

const HEADERS = [
  "",
  "Cookie: better-auth.session_token=%E0%A4%A\r\n",
  "Cookie: better-auth.session_token=garbage.garbage\r\n",
  "Cookie: ;;;=;=\r\n",
  "Cookie: a\x01b=c\r\n",
  "Referer: ::::\r\n",
  "Referer: http://[::1\r\n",
  "Origin: not a url\r\n",
  "Origin: null\r\n",
  "Content-Type: application/json\r\n",
  "Content-Type: multipart/form-data; boundary=\r\n",
  "Content-Type: \x00\r\n",
  "Accept-Encoding: br;q=abc, gzip;q=-1, *;q=2\r\n",
  'If-None-Match: "\r\n',
  "Range: bytes=99999999-1\r\n",
  "X-Request-Id: \x7f\x7f\r\n",
  `X-Request-Id: ${"a".repeat(300)}\r\n`,
  "Content-Length: abc\r\n",
  "Content-Length: -1\r\n",
  "Content-Length: 5\r\nContent-Length: 6\r\n",
  "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n",
  "Transfer-Encoding: gzip\r\n",
  "no colon here\r\n",
  `X-Big: ${"b".repeat(20_000)}\r\n`,
  `${Array.from({ length: 300 }, (_, i) => `X-H${i}: v\r\n`).join("")}`,
  "Host: \r\n",
];

const segment = fc.oneof(
  fc.constantFrom(...BAD_ENCODINGS),
  fc.stringMatching(/^[A-Za-z0-9._~-]{0,12}$/),
  fc.array(fc.constantFrom(...BAD_ENCODINGS), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")),
);

const query = fc.oneof(
  fc.constant(""),
  segment.map((s) => `?input=${s}`),
  fc.constantFrom(...BODIES).map((b) => `?batch=1&input=${encodeURIComponent(b)}`),
  fc.constantFrom(...BODIES).map((b) => `?input=${encodeURIComponent(b)}`),
  fc.tuple(segment, segment).map(([k, v]) => `?${k}=${v}&${v}=${k}`),
  segment.map((s) => `?odsCode=${s}&region=${s}&period=${s}`),
);

const path = fc.oneof(
  fc.tuple(fc.constantFrom(...FAMILIES), segment).map(([family, s]) => `${family}${s}`),
  fc.tuple(fc.constantFrom(...FAMILIES), segment).map(([family, s]) => `${family}/${s}/x`),
  fc.constantFrom(...FAMILIES),
  // Oversized batches, known and unknown procedures.
  fc
    .tuple(fc.integer({ min: 11, max: 400 }), fc.constantFrom("framework.current", "organisations.list", "x"))
    .map(([n, p]) => `/trpc/${Array.from({ length: n }, () => p).join(",")}`),
  // Overlong paths.
  fc.integer({ min: 1_000, max: 12_000 }).map((n) => `/${"a".repeat(n)}`),
  fc.integer({ min: 100, max: 3_000 }).map((n) => `/trpc/${"%E0".repeat(n)}`),
);

const malformedRequest = fc
  .record({
    method: fc.constantFrom(...METHODS),
    path,
    query,
    headers: fc.array(fc.constantFrom(...HEADERS), { maxLength: 3 }),
    body: fc.constantFrom(...BODIES),
    version: fc.constantFrom("HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/9.9", ""),
  })
  .map(({ method, path, query, headers, body, version }) => {
    const withBody = method === "POST" || method === "PUT" || method === "PATCH";
    const head =
      `${method} ${path}${query} ${version}\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers.join("")}` +
      (withBody && !headers.some((h) => /content-length|transfer-encoding/i.test(h))
        ? `Content-Length: ${Buffer.byteLength(body, "latin1")}\r\n`
        : "");
    return Buffer.from(`${head}\r\n${withBody ? body : ""}`, "latin1");
  });

describe.each(engines)("HTTP edge fuzz on %s", (engine) => {
  let child: Child;
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const database = await childDatabase(engine);
    drop = database.drop;
    child = await spawnRealise(database.env);
  }, 180_000);
  afterAll(async () => {
    if (child && child.process.exitCode === null) {
      child.process.kill("SIGTERM");
      await child.exited;
    }
    await drop();
  });

  it(`answers ${RUNS[engine] * BATCH} malformed requests without a 5xx, a hang or a dead process`, async () => {
    const byClass = new Map<string, number>();
    const slowest = { ms: 0, request: "" };
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(malformedRequest, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        // Five at a time: enough to overlap, not so many that a loaded machine makes them slow.
        for (let i = 0; i < batch.length; i += 5) {
          const answers = await Promise.all(
            batch.slice(i, i + 5).map((bytes) => rawRequest(child.port, bytes)),
          );
          answers.forEach((answer, j) => {
            sent++;
            const bytes = batch[i + j]!;
            const cls = answer.status === 0 ? "no answer" : `${String(answer.status)[0]}xx`;
            byClass.set(cls, (byClass.get(cls) ?? 0) + 1);
            if (answer.ms > slowest.ms) slowest.request = bytes.toString("latin1").slice(0, 200);
            slowest.ms = Math.max(slowest.ms, answer.ms);
            const shown = JSON.stringify(bytes.toString("latin1").slice(0, 300));
            expect(answer.status, `${shown} → ${answer.head.slice(0, 200)}`).toBeGreaterThan(0);
            expect(answer.status, `${shown} → ${answer.head.slice(0, 300)}`).toBeLessThan(500);
            expect(answer.ms, shown).toBeLessThan(2_000);
          });
        }
        const health = await rawRequest(
          child.port,
          "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        );
        expect(health.status, child.output().slice(-2000)).toBe(200);
      }),
      { numRuns: RUNS[engine], endOnFailure: true },
    );
    expect(child.process.exitCode).toBeNull();
    expect((await fetch(`${child.url}/healthz`)).status).toBe(200);
    console.info(
      `[edge fuzz] ${engine}: ${sent} requests sent; by status class ${JSON.stringify(Object.fromEntries([...byClass].sort()))}; slowest ${Math.round(slowest.ms)} ms (${JSON.stringify(slowest.request.slice(0, 80))})`,
    );
  }, 240_000);
});
