import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/http/boot.js";
import { request, signIn, startServer } from "../safety/http.js";
import { useHarness } from "../support/harness.js";

/** better-auth endpoints the apps do not use; each would be a way round our own checks and audit. */
const HIDDEN = [
  "/api/auth/verify-password",
  "/api/auth/update-user",
  "/api/auth/change-email",
  "/api/auth/change-password",
  "/api/auth/set-password",
  "/api/auth/forget-password",
  "/api/auth/request-password-reset",
  "/api/auth/reset-password",
  "/api/auth/sign-up/email",
  "/api/auth/delete-user",
  "/api/auth/list-sessions",
  "/api/auth/revoke-sessions",
  "/api/auth/revoke-other-sessions",
  "/api/auth/list-accounts",
  "/api/auth/send-verification-email",
  "/api/auth/verify-email",
  "/api/auth/ok",
  "/api/auth/sign-in/social",
];

describe("only the auth endpoints the apps use are reachable", () => {
  const h = useHarness("pglite");
  let server: Running;
  beforeAll(async () => {
    server = await startServer(h.database, { originCheck: true });
  });
  afterAll(async () => server?.close());

  it("answers 404 to every other better-auth endpoint, with a session and from our own origin", async () => {
    const { cookie } = await signIn(server.url, "viewer.rgt@demo.realise");
    for (const path of HIDDEN) {
      for (const method of ["GET", "POST"] as const) {
        const r = await request(server.url, path, {
          method,
          headers: { cookie, origin: server.url, "content-type": "application/json" },
          ...(method === "POST"
            ? {
                body: JSON.stringify({ password: "realise-demo", name: "National Admin", newEmail: "x@y.z" }),
              }
            : {}),
        });
        expect(r.status, `${method} ${path}`).toBe(404);
      }
    }
    const user = await h.database.db
      .selectFrom("user")
      .select(["name", "email"])
      .where("email", "=", "viewer.rgt@demo.realise")
      .executeTakeFirstOrThrow();
    expect(user.name).not.toBe("National Admin");
  });

  it("keeps sign-in, session and sign-out working, each on its own method", async () => {
    const { status, cookie } = await signIn(server.url, "viewer.rgt@demo.realise");
    expect(status).toBe(200);
    const session = await request(server.url, "/api/auth/get-session", { headers: { cookie } });
    expect(session.status).toBe(200);
    expect((session.json as { user?: { email?: string } }).user?.email).toBe("viewer.rgt@demo.realise");
    expect((await request(server.url, "/api/auth/sign-in/email")).status).toBe(405);
    const out = await request(server.url, "/api/auth/sign-out", {
      method: "POST",
      headers: { cookie, origin: server.url, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBe(200);
    const after = await request(server.url, "/api/auth/get-session", { headers: { cookie } });
    expect(after.json).toBeNull();
  });
});
