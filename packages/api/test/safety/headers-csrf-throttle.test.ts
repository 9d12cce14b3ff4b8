import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { databaseDigest } from "@realise/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { useHarness } from "../support/harness.js";
import { type Answer, request, signIn, startServer, trpc } from "./http.js";

const EVIL = "https://evil.example";

function expectSecurityHeaders(answer: Answer, where: string) {
  const csp = String(answer.headers["content-security-policy"] ?? "");
  expect(csp, where).toMatch(/frame-ancestors 'none'/);
  const scripts = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scripts, where).toMatch(/script-src 'self'/);
  expect(scripts, where).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(answer.headers["x-content-type-options"], where).toBe("nosniff");
  expect(answer.headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
}

// One engine is enough here: these are properties of the HTTP layer, not of the database.
describe("HTTP safety: headers, cookies, CSRF, throttling, body limits", () => {
  const h = useHarness("pglite");
  let server: Running;
  let tls: Running;

  beforeAll(async () => {
    server = await startServer(h.database, { rateLimit: true, originCheck: true });
    // Behind a TLS-terminating proxy the public origin is https: cookies must be Secure.
    tls = await startServer(h.database, { publicUrl: "https://realise.example", originCheck: true });
  });
  afterAll(async () => {
    await server?.close();
    await tls?.close();
  });

  it("sets the security headers on every kind of response", async () => {
    const { cookie } = await signIn(server.url, "viewer.rgt@demo.realise");
    const answers: Array<[string, Answer]> = [
      ["/healthz", await request(server.url, "/healthz")],
      ["/readyz", await request(server.url, "/readyz")],
      ["/", await request(server.url, "/")],
      ["/admin/", await request(server.url, "/admin/")],
      ["/admin", await request(server.url, "/admin")],
      ["missing asset", await request(server.url, "/assets/nope.js")],
      ["/api/auth/get-session", await request(server.url, "/api/auth/get-session", { headers: { cookie } })],
      ["trpc query", await trpc(server.url, "framework.current", undefined, { method: "GET" })],
      ["trpc 401", await trpc(server.url, "adoption.forOrganisation", { odsCode: "RGT" }, { method: "GET" })],
      [
        "trpc 400",
        await trpc(server.url, "adoption.forOrganisation", { odsCode: "!" }, { method: "GET", cookie }),
      ],
      [
        "csrf 403",
        await trpc(server.url, "adoption.confirmTier", { odsCode: "RGT", tier: 1 }, { cookie, origin: EVIL }),
      ],
      [
        "413",
        await request(server.url, "/trpc/adoption.update", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "x".repeat(1_100_000),
        }),
      ],
      ["/api/v1", await request(server.url, "/api/v1/organisations")],
    ];
    for (const [where, answer] of answers) expectSecurityHeaders(answer, where);
    expect(answers.find(([w]) => w === "413")![1].status).toBe(413);
    expect(answers.find(([w]) => w === "csrf 403")![1].status).toBe(403);
    // No HSTS over plain http; HSTS behind TLS.
    expect(answers[0]![1].headers["strict-transport-security"]).toBeUndefined();
    const tlsPort = (tls.server.address() as { port: number }).port;
    const secure = await request(`http://127.0.0.1:${tlsPort}`, "/healthz");
    expect(secure.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  it("issues the session cookie httpOnly and SameSite=Lax, and Secure behind TLS", async () => {
    const plain = await signIn(server.url, "viewer.rr8@demo.realise");
    expect(plain.status).toBe(200);
    const session = plain.setCookie.find((c) => /session_token=/.test(c))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/;\s*Secure/i);

    const port = (tls.server.address() as { port: number }).port;
    const secure = await signIn(`http://127.0.0.1:${port}`, "viewer.rxt@demo.realise", {
      origin: "https://realise.example",
    });
    expect(secure.status).toBe(200);
    const tlsSession = secure.setCookie.find((c) => /session_token=/.test(c))!;
    expect(tlsSession).toMatch(/HttpOnly/i);
    expect(tlsSession).toMatch(/SameSite=Lax/i);
    expect(tlsSession).toMatch(/;\s*Secure/i);
  });

  it("refuses state-changing requests with a session cookie from another origin, on /trpc and /api/auth", async () => {
    const { cookie } = await signIn(server.url, "editor.rgt@demo.realise");
    const before = await databaseDigest(h.database.db, { exclude: ["session"] });
    const input = { odsCode: "RGT", tier: 1 };
    const evil = await trpc(server.url, "adoption.confirmTier", input, { cookie, origin: EVIL });
    expect(evil.status).toBe(403);
    const none = await trpc(server.url, "adoption.confirmTier", input, { cookie, origin: null });
    expect(none.status).toBe(403);
    const referer = await request(server.url, "/trpc/adoption.confirmTier", {
      method: "POST",
      headers: { cookie, "content-type": "application/json", referer: `${EVIL}/page` },
      body: JSON.stringify({ json: input }),
    });
    expect(referer.status).toBe(403);
    // A mutation cannot be smuggled through GET (links, images).
    const get = await trpc(server.url, "adoption.confirmTier", input, {
      cookie,
      method: "GET",
      origin: EVIL,
    });
    expect(get.status).toBe(405);
    // better-auth checks the origin of its own state-changing requests.
    const signOut = await request(server.url, "/api/auth/sign-out", {
      method: "POST",
      headers: { cookie, origin: EVIL, "content-type": "application/json" },
      body: "{}",
    });
    expect(signOut.status).toBe(403);
    const crossSignIn = await signIn(server.url, "editor.rgt@demo.realise", { origin: EVIL });
    expect(crossSignIn.status).toBe(403);
    expect(await databaseDigest(h.database.db, { exclude: ["session"] })).toEqual(before);
    // The same request from our own origin goes through.
    const own = await trpc(server.url, "adoption.confirmTier", input, { cookie });
    expect(own.status).not.toBe(403);
  });

  it("throttles sign-in per (account, address) and per address, never locking the account itself", async () => {
    // Wrong passwords for one account, each from a different loopback address: no pair reaches its delay.
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await signIn(server.url, "approver.rxt@demo.realise", {
        password: "wrong-password",
        localAddress: `127.0.1.${i + 1}`,
      });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401]);
    // The right password from an address that did not fail is not refused because of failures elsewhere.
    const right = await signIn(server.url, "approver.rxt@demo.realise", { localAddress: "127.0.1.99" });
    expect(right.status).toBe(200);

    // Per address: many accounts from one address.
    const fromOne: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await signIn(server.url, `nobody${i}@demo.realise`, {
        password: "wrong-password",
        localAddress: "127.0.2.1",
      });
      fromOne.push(r.status);
    }
    expect(fromOne.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(fromOne.at(-1)).toBe(429);
  });

  it("stores passwords with the library's salted scrypt hash, never the password", async () => {
    const rows = (
      await sql<{ email: string; password: string | null }>`
        select u.email, a.password from account a join "user" u on u.id = a."userId"
        where u.email in ('editor.rgt@demo.realise', 'editor.rr8@demo.realise')`.execute(h.database.db)
    ).rows;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.password).not.toContain("realise-demo");
      expect(row.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    }
    // The demo accounts share one hash of the one published password; any other hash is freshly salted.
    const ctx = await h.auth.$context;
    const [a, b] = [await ctx.password.hash("same-password-1"), await ctx.password.hash("same-password-1")];
    expect(a).not.toBe(b);
    expect(await ctx.password.verify({ hash: a, password: "same-password-1" })).toBe(true);
    expect(await ctx.password.verify({ hash: a, password: "same-password-2" })).toBe(false);
    expect(await ctx.password.verify({ hash: rows[0]!.password!, password: "realise-demo" })).toBe(true);
  });

  it("refuses oversized bodies before parsing them, with or without a declared length", async () => {
    const declared = await request(server.url, "/trpc/adoption.update", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "50000000" },
    });
    expect(declared.status).toBe(413);
    const chunked = await request(server.url, "/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: `{"email":"${"a".repeat(1_200_000)}"}`,
    });
    expect(chunked.status).toBe(413);
  });

  it("answers a sample of bad input over HTTP with 400 naming the field and never 500, changing nothing", async () => {
    const { cookie } = await signIn(server.url, "editor.rr8@demo.realise");
    const before = await databaseDigest(h.database.db, { exclude: ["session"] });
    const base = {
      odsCode: "RR8",
      functionalityCode: "F01",
      expectedVersion: 1,
      values: {
        coveragePct: 50,
        usageNumerator: 5,
        usageDenominator: 10,
        measurementWindowStart: null,
        measurementWindowEnd: null,
        paperRetired: false,
        plannedGoLive: null,
        claimedLevel: null,
        claimReason: null,
        evidence: [],
        notes: "",
      },
    };
    const bad: Array<[string, unknown]> = [
      ["values.coveragePct", { ...base, values: { ...base.values, coveragePct: 101 } }],
      ["values.coveragePct", { ...base, values: { ...base.values, coveragePct: "50" } }],
      ["values.usageNumerator", { ...base, values: { ...base.values, usageNumerator: 11 } }],
      ["values.notes", { ...base, values: { ...base.values, notes: "n".repeat(5000) } }],
      ["functionalityCode", { ...base, functionalityCode: "F01'; DROP TABLE audit_log; --" }],
      ["expectedVersion", { ...base, expectedVersion: -1 }],
      ["values", { ...base, values: { ...base.values, isAdmin: true } }],
      [
        "values.evidence.0",
        { ...base, values: { ...base.values, evidence: [{ label: "a", url: "https://a.example", x: 1 }] } },
      ],
      [
        "values.evidence.0.url",
        { ...base, values: { ...base.values, evidence: [{ label: "a", url: "javascript:alert(1)" }] } },
      ],
      ["(input)", { ...base, role: "national_admin" }],
    ];
    for (let round = 0; round < 10; round++) {
      for (const [field, input] of bad) {
        const r = await trpc(server.url, "adoption.update", input, { cookie });
        expect(r.status, `${field}: ${r.text.slice(0, 200)}`).toBe(400);
        expect(r.error?.message).toContain(field === "(input)" ? "role" : field);
      }
    }
    // Bodies that are not even JSON, or not superjson.
    for (const body of ["{", "null", "[]", '{"json":', "\u0000", '{"json":{"__proto__":{"admin":true}}}']) {
      const r = await request(server.url, "/trpc/adoption.update", {
        method: "POST",
        headers: { cookie, origin: server.url, "content-type": "application/json" },
        body,
      });
      expect(r.status, `${JSON.stringify(body)} → ${r.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    expect(await databaseDigest(h.database.db, { exclude: ["session"] })).toEqual(before);
  });

  it("stores text verbatim, answers it as JSON, and the apps never render HTML from data", async () => {
    const { cookie } = await signIn(server.url, "editor.rr8@demo.realise");
    const text = `<script>alert("x")</script> ' OR 1=1; -- Ünïcödé 🙂 \u202e <img src=x onerror=alert(1)>`;
    const current = await h.database.db
      .selectFrom("adoption_record")
      .select("version")
      .where("ods_code", "=", "RR8")
      .where("functionality_code", "=", "F02")
      .executeTakeFirst();
    const r = await trpc(
      server.url,
      "adoption.update",
      {
        odsCode: "RR8",
        functionalityCode: "F02",
        expectedVersion: current?.version ?? 0,
        values: {
          coveragePct: 10,
          usageNumerator: null,
          usageDenominator: null,
          measurementWindowStart: null,
          measurementWindowEnd: null,
          paperRetired: false,
          plannedGoLive: null,
          claimedLevel: null,
          claimReason: null,
          evidence: [],
          notes: text,
        },
      },
      { cookie },
    );
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    const stored = await h.database.db
      .selectFrom("adoption_record")
      .select("notes")
      .where("ods_code", "=", "RR8")
      .where("functionality_code", "=", "F02")
      .executeTakeFirstOrThrow();
    expect(stored.notes).toBe(text);
    const read = await trpc(
      server.url,
      "adoption.forOrganisation",
      { odsCode: "RR8" },
      { cookie, method: "GET" },
    );
    const record = (
      read.data as { records: Array<{ functionalityCode: string; notes: string }> }
    ).records.find((x) => x.functionalityCode === "F02");
    expect(record?.notes).toBe(text);
    // React escapes text; nothing in the apps opts out of that.
    const roots = ["../../../../apps/web/src", "../../../../apps/admin/src", "../../../ui/src"].map((p) =>
      fileURLToPath(new URL(p, import.meta.url)),
    );
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (
          /\.(tsx?|jsx?)$/.test(name) &&
          /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(
            readFileSync(file, "utf8"),
          )
        )
          offenders.push(file);
      }
    };
    for (const root of roots) walk(root);
    expect(offenders).toEqual([]);
  });
});
