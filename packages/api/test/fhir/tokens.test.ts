import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startRealise } from "../../src/http/boot.js";
import { engines, useHarness } from "../support/harness.js";

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe.each(engines)("system clients and tokens on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  const token = (authorization: string | undefined, body = "grant_type=client_credentials") =>
    fetch(`${server.url}/oauth/token`, {
      method: "POST",
      headers: { ...FORM, ...(authorization ? { authorization } : {}) },
      body,
    });

  beforeAll(async () => {
    server = await startRealise({ port: 0, database: h.database, demo: false, log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("registers a client once, keeps only a scrypt hash of its secret, and lists it without one", async () => {
    const approver = h.as(h.role("trust_approver", "RGT"));
    const created = await approver.systemClients.create({ odsCode: "RGT", name: "EPR nightly feed" });
    expect(created.clientId).toMatch(/^rsc_[0-9a-f]{24}$/);
    expect(created.clientSecret.length).toBeGreaterThan(30);
    const row = await h.database.db
      .selectFrom("system_client")
      .selectAll()
      .where("id", "=", created.clientId)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toMatch(/^scrypt\$/);
    expect(row.secret_hash).not.toContain(created.clientSecret);
    const listed = await h.as(h.role("trust_viewer", "RGT")).systemClients.list({ odsCode: "RGT" });
    expect(listed.map((c) => c.name)).toContain("EPR nightly feed");
    expect(JSON.stringify(listed)).not.toContain(created.clientSecret);
    await expect(
      h.as(h.role("trust_editor", "RGT")).systemClients.create({ odsCode: "RGT", name: "Not allowed" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("issues a bearer token for client_secret_basic and refuses anything else per RFC 6749", async () => {
    const created = await h
      .as(h.role("trust_approver", "RGT"))
      .systemClients.create({ odsCode: "RGT", name: "Token feed" });
    const ok = await token(basic(created.clientId, created.clientSecret));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      scope: "system/MeasureReport.write",
    });
    expect(typeof body.access_token).toBe("string");

    const wrong = await token(basic(created.clientId, "not-the-secret"));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain("Basic");
    expect(await wrong.json()).toMatchObject({ error: "invalid_client" });
    expect((await token(basic("rsc_000000000000000000000000", "x"))).status).toBe(401);
    expect((await token(undefined)).status).toBe(401);

    const grant = await token(basic(created.clientId, created.clientSecret), "grant_type=password");
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: "unsupported_grant_type" });
    const noGrant = await token(basic(created.clientId, created.clientSecret), "scope=x");
    expect(await noGrant.json()).toMatchObject({ error: "invalid_request" });
    const json = await fetch(`${server.url}/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: basic(created.clientId, created.clientSecret),
      },
      body: JSON.stringify({ grant_type: "client_credentials" }),
    });
    expect(json.status).toBe(400);

    await h
      .as(h.role("trust_approver", "RGT"))
      .systemClients.revoke({ odsCode: "RGT", clientId: created.clientId });
    const revoked = await token(basic(created.clientId, created.clientSecret));
    expect(revoked.status).toBe(401);
    const tokens = await h.database.db
      .selectFrom("system_token")
      .select("hash")
      .where("client_id", "=", created.clientId)
      .execute();
    expect(tokens).toEqual([]);
  });
});
