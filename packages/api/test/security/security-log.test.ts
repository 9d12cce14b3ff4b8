import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { createLogger } from "../../src/http/logger.js";
import { request, signIn, startServer, trpc } from "../safety/http.js";
import { engines, useHarness } from "../support/harness.js";

/** Security events of account changes and system-client tokens, as the structured log lines an operator reads. */
describe.each(engines)("security log lines (%s)", (engine) => {
  const h = useHarness(engine);
  const lines: Array<Record<string, unknown>> = [];
  let server: Running;
  beforeAll(async () => {
    server = await startServer(h.database, {
      logger: createLogger({ level: "info", write: (line) => lines.push(JSON.parse(line)) }),
    });
  });
  afterAll(() => server?.close(1_000));
  const events = (name: string) => lines.filter((l) => l.event === `security.${name}`);

  it("logs an account disabled and enabled by the national admin, naming who and whom", async () => {
    const target = await h.principal("viewer.rgt@demo.realise");
    const { cookie } = await signIn(server.url, "admin@demo.realise");
    for (const action of ["disable", "enable"] as const) {
      const r = await trpc(server.url, `accounts.${action}`, { userId: target.userId }, { cookie });
      expect(r.status, r.text.slice(0, 300)).toBe(200);
    }
    expect(events("account.disabled")).toEqual([
      expect.objectContaining({
        userId: target.userId,
        by: "admin@demo.realise",
        procedure: "accounts.disable",
      }),
    ]);
    expect(events("account.enabled")).toEqual([
      expect.objectContaining({ userId: target.userId, by: "admin@demo.realise" }),
    ]);
    // A refused call is no event: an editor cannot disable anyone.
    const editor = await signIn(server.url, "editor.rgt@demo.realise");
    const refused = await trpc(
      server.url,
      "accounts.disable",
      { userId: target.userId },
      { cookie: editor.cookie },
    );
    expect(refused.status).toBe(403);
    expect(events("account.disabled")).toHaveLength(1);
  });

  it("logs a system-client token refused with the client id and address, never the secret", async () => {
    const secret = "not-the-secret-at-all";
    const r = await request(server.url, "/oauth/token", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`sc_unknown:${secret}`).toString("base64")}`,
      },
      body: "grant_type=client_credentials",
    });
    expect(r.status).toBe(401);
    const [line, ...more] = events("system_client.token_refused");
    expect(more).toHaveLength(0);
    expect(line).toMatchObject({ clientId: "sc_unknown", address: "127.0.0.1", level: 40 });
    expect(JSON.stringify(lines)).not.toContain(secret);
  });
});
