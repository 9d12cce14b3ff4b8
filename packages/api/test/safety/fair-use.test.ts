import { sql } from "kysely";
import { appRouter } from "../../src/router.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { createFairUse } from "../../src/security/fair-use.js";
import { engines, useHarness } from "../support/harness.js";
import { request, signIn, startServer, trpc } from "./http.js";

/**
 * The procedures whose answers are limited per client, pinned like the access table: taking the limit off
 * the heatmap (or forgetting it on a new national view) fails here.
 */
const LIMITED: Record<string, string> = {
  "audit.search": "view",
  "benefits.national": "view",
  "frameworks.effect": "view",
  "national.comparePeriods": "view",
  "national.heatmap": "view",
  "national.overview": "view",
  "national.trends": "view",
  "organisations.list": "view",
  "plans.national": "view",
  "snapshots.preview": "view",
};

const RULES = {
  view: { windowSeconds: 60, max: 3 },
  download: { windowSeconds: 60, max: 2 },
  openData: { windowSeconds: 60, max: 3 },
};

it("limits exactly the pinned procedures", () => {
  const record = (
    appRouter._def as unknown as { procedures: Record<string, { _def: { meta?: { fairUse?: string } } }> }
  ).procedures;
  const limited = Object.fromEntries(
    Object.entries(record)
      .filter(([, p]) => p._def.meta?.fairUse)
      .map(([path, p]) => [path, p._def.meta?.fairUse]),
  );
  expect(limited).toEqual(LIMITED);
});

describe.each(engines)("fair use across two server instances on %s", (engine) => {
  const h = useHarness(engine);
  let a: Running;
  let b: Running;
  let analyst: string;
  let admin: string;

  beforeAll(async () => {
    // Two instances of one deployment: the same database and the same session secret.
    const shared = { demo: false, fairUse: RULES, authSecret: "fair-use-test-secret-0123456789abcdef" };
    a = await startServer(h.database, shared);
    b = await startServer(h.database, shared);
    analyst = (await signIn(a.url, "analyst@demo.realise")).cookie;
    admin = (await signIn(b.url, "admin@demo.realise")).cookie;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it("refuses a client's fourth view in the window on the other instance, with Retry-After, and no one else", async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await trpc(i % 2 ? b.url : a.url, "national.trends", {}, { cookie: analyst, method: "GET" });
      expect(ok.status).toBe(200);
    }
    const refused = await trpc(b.url, "national.trends", {}, { cookie: analyst, method: "GET" });
    expect(refused.status).toBe(429);
    expect(refused.error?.message).toMatch(/asked for too often .* Try again in \d+ seconds?\./);
    const wait = Number(refused.headers["retry-after"]);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // Counted per view and per client: the analyst's other views and the admin's trends still answer.
    expect((await trpc(a.url, "national.overview", {}, { cookie: analyst, method: "GET" })).status).toBe(200);
    expect((await trpc(a.url, "national.trends", {}, { cookie: admin, method: "GET" })).status).toBe(200);
    // A procedure without a limit is never refused.
    for (let i = 0; i < 5; i++)
      expect(
        (await trpc(b.url, "frameworks.list", undefined, { cookie: analyst, method: "GET" })).status,
      ).toBe(200);
  });

  it("refuses a hammering session from memory, before looking it up, on the instance that refused it", async () => {
    // The analyst's trends window is used up (previous test): a new session of theirs is refused too.
    const again = (await signIn(a.url, "analyst@demo.realise")).cookie;
    expect((await trpc(a.url, "national.trends", {}, { cookie: again, method: "GET" })).status).toBe(429);
    // End that session in the database: a lookup would now answer 401.
    const value = decodeURIComponent(again.split(";")[0]!.split("=").slice(1).join("="));
    const token = value.slice(0, value.lastIndexOf("."));
    await sql`delete from session where token = ${token}`.execute(h.database.db);
    // The instance that refused it answers from memory, with no lookup: still 429 with its wait.
    const remembered = await trpc(a.url, "national.trends", {}, { cookie: again, method: "GET" });
    expect(remembered.status).toBe(429);
    expect(Number(remembered.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    // Everything else still goes through the checks: another view, and the other instance, look it up.
    expect((await trpc(a.url, "national.overview", {}, { cookie: again, method: "GET" })).status).toBe(401);
    expect((await trpc(b.url, "national.trends", {}, { cookie: again, method: "GET" })).status).toBe(401);
  });

  it("does not count a caller the procedure refuses", async () => {
    const editor = (await signIn(a.url, "editor.rgt@demo.realise")).cookie;
    for (let i = 0; i < 5; i++) {
      const refused = await trpc(a.url, "national.heatmap", {}, { cookie: editor, method: "GET" });
      expect(refused.status).toBe(403);
    }
  });

  it("limits downloads per account and open data per address", async () => {
    for (let i = 0; i < 2; i++)
      expect(
        (await request(i ? b.url : a.url, "/exports/tiers.csv", { headers: { cookie: analyst } })).status,
      ).toBe(200);
    const refused = await request(b.url, "/exports/tiers.csv", { headers: { cookie: analyst } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect((refused.json as { error: { message: string } }).error.message).toMatch(/Try again in/);

    const from = { localAddress: "127.0.0.3" };
    for (let i = 0; i < 3; i++)
      expect((await request(i ? b.url : a.url, "/api/v1/snapshots", from)).status).toBe(200);
    const tooMany = await request(a.url, "/api/v1/snapshots.csv", from);
    expect(tooMany.status).toBe(429);
    expect(Number(tooMany.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    // Another address is its own client.
    expect((await request(a.url, "/api/v1/snapshots", { localAddress: "127.0.0.4" })).status).toBe(200);
  });

  it("keeps better-auth's limits in the same store: a second instance sees the first one's count", async () => {
    const one = createFairUse(h.database);
    const two = createFairUse(h.database);
    const rule = { window: 60, max: 2 };
    const key = `127.0.0.9/sign-in/email-${engine}`;
    expect(await one.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
    expect(await two.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
    const third = await one.consume(key, rule);
    expect(third.allowed).toBe(false);
    expect(third.retryAfter).toBeGreaterThanOrEqual(1);
    expect((await two.consume(key, rule)).allowed).toBe(false);
  });

  it("lets a client in again once its window has ended", async () => {
    let now = new Date("2026-12-01T10:00:00Z");
    const limits = createFairUse(h.database, {
      rules: { view: { windowSeconds: 60, max: 1 } },
      clock: () => now,
    });
    const client = `user:window-${engine}`;
    await limits.enforce(client, "national.heatmap", "view");
    await expect(limits.enforce(client, "national.heatmap", "view")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      retryAfterSeconds: 60,
    });
    now = new Date("2026-12-01T10:00:59Z");
    await expect(limits.enforce(client, "national.heatmap", "view")).rejects.toMatchObject({
      retryAfterSeconds: 1,
    });
    now = new Date("2026-12-01T10:01:00Z");
    await expect(limits.enforce(client, "national.heatmap", "view")).resolves.toBeUndefined();
  });

  it("counts all of a client's views against one budget, and remembers a session refused by it", async () => {
    const limits = createFairUse(h.database, {
      rules: { view: { windowSeconds: 60, max: 3 } },
      viewBudget: { windowSeconds: 60, max: 4 },
      repeatRefusalDelayMs: 0,
    });
    const client = `user:budget-${engine}`;
    const credential = `budget-cookie-${engine}`;
    for (const view of ["national.heatmap", "national.heatmap", "plans.national", "organisations.list"])
      await limits.enforce(client, view, "view", credential);
    // Each of those views is within its own limit of 3; the fifth view of any kind is over the budget.
    await expect(limits.enforce(client, "national.trends", "view", credential)).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(await limits.refusedFor(credential, "benefits.national", "view")).toBeGreaterThanOrEqual(1);
    // Downloads and open data have their own limits, and another client its own budget.
    await expect(
      limits.enforce(client, "/reports/national.pdf", "download", credential),
    ).resolves.toBeUndefined();
    await expect(limits.enforce(`${client}-other`, "national.trends", "view")).resolves.toBeUndefined();
  });
});
