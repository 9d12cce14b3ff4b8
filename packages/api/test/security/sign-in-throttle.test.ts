import { countSignInFailure } from "@realise/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { createLogger } from "../../src/http/logger.js";
import { signIn, startServer } from "../safety/http.js";
import { engines, useHarness } from "../support/harness.js";

const OWNER = "approver.rgt@demo.realise";

describe.each(engines)("sign-in throttle held in the database (%s)", (engine) => {
  const h = useHarness(engine);
  // better-auth's per-minute limit per address lives in memory for the whole process: each engine's run
  // signs in from its own addresses (127.0.0.x on PGlite, 127.0.3.x on PostgreSQL).
  const at = (n: number) => `127.0.${engine === "pglite" ? 0 : 3}.${n}`;
  let server: Running;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    server = await startServer(h.database, {
      rateLimit: true,
      logger: createLogger({ level: "info", write: (line) => lines.push(JSON.parse(line)) }),
    });
  });
  afterAll(async () => server?.close());

  const security = (event: string) => lines.filter((l) => l.event === `security.${event}`);

  it("slows the attacking address only: the owner signs in from another address meanwhile", async () => {
    const attacker = at(2);
    const tries: number[] = [];
    for (let i = 0; i < 6; i++)
      tries.push(
        (await signIn(server.url, OWNER, { password: "not-the-password", localAddress: attacker })).status,
      );
    expect(tries).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await signIn(server.url, OWNER, { password: "not-the-password", localAddress: attacker });
    expect(Number(refused.answer.headers["retry-after"])).toBeGreaterThan(0);
    // Even the right password waits, from the address that failed.
    expect((await signIn(server.url, OWNER, { localAddress: attacker })).status).toBe(429);
    // The owner, from an address that did not fail, is never refused.
    expect((await signIn(server.url, OWNER, { localAddress: at(3) })).status).toBe(200);

    // The counts are in the database: a second server over it refuses the attacker too.
    const rows = await h.database.db
      .selectFrom("sign_in_throttle")
      .selectAll()
      .where("key", "=", `${OWNER}|${attacker}`)
      .execute();
    expect(rows[0]?.failures).toBe(5);
    const other = await startServer(h.database, { rateLimit: true });
    try {
      expect((await signIn(other.url, OWNER, { localAddress: attacker })).status).toBe(429);
      expect((await signIn(other.url, OWNER, { localAddress: at(4) })).status).toBe(200);
    } finally {
      await other.close();
    }

    // Each failure and the throttling are logged with account and address; the successes too.
    const failure = security("signin.failure").find((l) => l.address === attacker);
    expect(failure).toMatchObject({ account: OWNER, address: attacker });
    expect(security("signin.throttled").some((l) => l.account === OWNER && l.address === attacker)).toBe(
      true,
    );
    expect(security("signin.success").some((l) => l.account === OWNER && l.address === at(3))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain("not-the-password");
  });

  it("slows an address failing across many accounts, without touching other addresses", async () => {
    const spray = at(5);
    // Earlier failures from this address against other accounts (the in-memory per-minute limit aside).
    for (let i = 0; i < 29; i++) await countSignInFailure(h.database.db, "address", spray, new Date(), 3600);
    const last = await signIn(server.url, "nobody@demo.realise", {
      password: "guess-1",
      localAddress: spray,
    });
    expect(last.status).toBe(401);
    // Now the address waits for any account, the right password included…
    expect((await signIn(server.url, "editor.rr8@demo.realise", { localAddress: spray })).status).toBe(429);
    // …and nobody else does.
    expect((await signIn(server.url, "editor.rr8@demo.realise", { localAddress: at(6) })).status).toBe(200);
  });

  it("records an account failed from several addresses as under attack", async () => {
    const target = "viewer.rgt@demo.realise";
    for (const address of [at(7), at(8), at(9)])
      expect((await signIn(server.url, target, { password: "guess-2", localAddress: address })).status).toBe(
        401,
      );
    const events = await h.database.db
      .selectFrom("security_event")
      .selectAll()
      .where("event", "=", "signin.account_under_attack")
      .where("account", "=", target)
      .execute();
    expect(events).toHaveLength(1);
    // The national admin's security page lists it, with the throttled sign-ins.
    const listed = await h.as(await h.principal("admin@demo.realise")).security.events({ limit: 100 });
    expect(listed.underAttack).toContain(target);
    expect(listed.events.some((e) => e.event === "signin.throttled" && e.account === OWNER)).toBe(true);
    expect(security("signin.account_under_attack").some((l) => l.account === target)).toBe(true);
  });
});
