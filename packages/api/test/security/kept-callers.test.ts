import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_HOURS } from "../../src/auth/auth.js";
import type { Running } from "../../src/http/boot.js";
import { signIn, startServer, trpc } from "../safety/http.js";
import { engines, useHarness } from "../support/harness.js";

/**
 * A caller is resolved from their cookie once and kept under the account version (migration 0022). Each
 * change below is written straight to the tables, as a script, an administrator or another instance
 * would: the very next request must see it, however the change was made.
 */
describe.each(engines)("callers kept per account version on %s", (engine) => {
  const h = useHarness(engine);
  let server: Running;
  beforeAll(async () => {
    server = await startServer(h.database);
  });
  afterAll(async () => server?.close());

  const me = async (cookie: string) =>
    (await trpc(server.url, "session.me", undefined, { cookie, method: "GET" })).data as {
      role: string;
      odsCode: string | null;
      name: string;
    } | null;
  const userId = async (email: string) =>
    (
      await h.database.db
        .selectFrom("user_role as r")
        .innerJoin(sql.table("user").as("u"), (j) => j.onRef(sql.ref("u.id"), "=", "r.user_id"))
        .select("r.user_id")
        .where(sql.ref("u.email"), "=", email)
        .executeTakeFirstOrThrow()
    ).user_id;

  it("sees a role changed, an account renamed and a session ended on the very next request", async () => {
    const { cookie } = await signIn(server.url, "viewer.rgt@demo.realise");
    const id = await userId("viewer.rgt@demo.realise");
    expect((await me(cookie))?.role).toBe("trust_viewer");
    // Asked again: the same caller (kept, or looked up; the answer must not differ).
    expect((await me(cookie))?.odsCode).toBe("RGT");

    await h.database.db
      .updateTable("user_role")
      .set({ role: "trust_editor" })
      .where("user_id", "=", id)
      .execute();
    expect((await me(cookie))?.role).toBe("trust_editor");

    await sql`update "user" set name = 'Renamed Viewer' where id = ${id}`.execute(h.database.db);
    expect((await me(cookie))?.name).toBe("Renamed Viewer");

    await h.database.db
      .updateTable("user_role")
      .set({ disabled_at: new Date() })
      .where("user_id", "=", id)
      .execute();
    expect(await me(cookie)).toBeNull();
    await h.database.db
      .updateTable("user_role")
      .set({ disabled_at: null, role: "trust_viewer" })
      .where("user_id", "=", id)
      .execute();
    expect((await me(cookie))?.role).toBe("trust_viewer");

    await sql`delete from session where "userId" = ${id}`.execute(h.database.db);
    expect(await me(cookie)).toBeNull();
  });

  it("lets no one in past the end of their session, though nothing was written", async () => {
    const { cookie } = await signIn(server.url, "viewer.rgt@demo.realise");
    expect((await me(cookie))?.role).toBe("trust_viewer");
    // Only the clock moves: nothing raises the account version, so only the kept end can refuse.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + (SESSION_HOURS + 1) * 60 * 60 * 1000);
      expect(await me(cookie)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps nobody for a cookie that lets no one in", async () => {
    expect(await me("better-auth.session_token=not-a-session")).toBeNull();
  });
});
