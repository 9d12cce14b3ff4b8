import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context.js";
import { createMailTransport, type MailWorker, startMailWorker } from "../src/mail/index.js";
import { engines, useHarness } from "./support/harness.js";
import { startSmtpServer } from "./support/smtp.js";

const STRONG = "violet-harbour-lantern-42";
const DEMO_PASSWORD = "realise-demo";
const quiet = { info() {}, warn() {} };

describe.each(engines)("a trust's team: invitations, roles, leavers and passwords, on %s", (engine) => {
  const h = useHarness(engine);
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let worker: MailWorker;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    worker = startMailWorker({
      database: h.database,
      transport: createMailTransport(smtp.url, quiet),
      from: "Realise <team@test.realise>",
      logger: quiet,
      intervalMs: 3_600_000,
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await smtp?.close();
  });

  /** Send the outbox to the SMTP server and return the last message to an address. */
  const mailTo = async (address: string) => {
    await worker.drain();
    return smtp.received.filter((m) => m.to.includes(address)).at(-1);
  };
  const linkIn = (text: string, path: string) => {
    const match = new RegExp(`https?://\\S+/${path}/([A-Za-z0-9_-]+)`).exec(text);
    expect(match, `no /${path}/ link in:\n${text}`).not.toBeNull();
    return match![1]!;
  };
  /** Sign in through better-auth and return the session cookie. */
  const signIn = async (email: string, password: string) => {
    const response = await h.auth.api.signInEmail({ body: { email, password }, asResponse: true });
    if (!response.ok) return { ok: false as const, status: response.status, text: await response.text() };
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
    return { ok: true as const, cookie };
  };
  const principalOf = async (cookie: string) =>
    (await createContext(h.database, h.auth, new Headers({ cookie }))).principal;
  const auditActions = async (entityKey: string) =>
    (
      await h.database.db
        .selectFrom("audit_log")
        .select("action")
        .where("entity_key", "=", entityKey)
        .orderBy("id")
        .execute()
    ).map((r) => r.action);

  it("an approver invites a colleague, who accepts from the emailed link once and works on their own trust only", async () => {
    const approver = await h.principal("approver.rgt@demo.realise");
    const invited = await h.as(approver).team.invite({
      odsCode: "RGT",
      email: "Ward.Pharmacist@Test.Realise",
      role: "trust_editor",
    });
    expect(invited.email).toBe("ward.pharmacist@test.realise");
    const team = await h.as(approver).team.list({ odsCode: "RGT" });
    expect(team.invitations.map((i) => i.email)).toContain("ward.pharmacist@test.realise");

    const mail = await mailTo("ward.pharmacist@test.realise");
    expect(mail?.subject).toContain("invited");
    expect(mail?.text).toContain("as editor");
    const token = linkIn(mail!.text, "invitations");
    // Only the hash is stored.
    const stored = await h.database.db.selectFrom("invitation").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    await expect(h.as(null).team.acceptInvitation({ token, password: "password123" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^password: /),
    });
    const accepted = await h
      .as(null)
      .team.acceptInvitation({ token, password: STRONG, name: "Ward Pharmacist" });
    expect(accepted).toEqual({ email: "ward.pharmacist@test.realise", odsCode: "RGT", role: "trust_editor" });
    await expect(h.as(null).team.acceptInvitation({ token, password: STRONG })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "token: This invitation link has already been used",
    });

    const session = await signIn("ward.pharmacist@test.realise", STRONG);
    expect(session.ok).toBe(true);
    const colleague = await principalOf((session as { cookie: string }).cookie);
    expect(colleague).toMatchObject({ role: "trust_editor", odsCode: "RGT" });
    await expect(h.as(colleague).adoption.forOrganisation({ odsCode: "RGT" })).resolves.toBeDefined();
    await expect(h.as(colleague).adoption.forOrganisation({ odsCode: "RR8" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses bad invitations naming the field, and writes nothing", async () => {
    const approver = await h.principal("approver.rgt@demo.realise");
    const editor = await h.principal("editor.rgt@demo.realise");
    const before = await h.database.db.selectFrom("invitation").select("id").execute();
    await expect(
      h.as(approver).team.invite({ odsCode: "RGT", email: "editor.rgt@demo.realise", role: "trust_viewer" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^email: An account already uses/),
    });
    await expect(
      h
        .as(approver)
        .team.invite({ odsCode: "RGT", email: "x@test.realise", role: "national_admin" as never }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        issues: [
          expect.objectContaining({ path: ["role"], message: "Role must be viewer, editor or approver" }),
        ],
      },
    });
    await expect(
      h.as(editor).team.invite({ odsCode: "RGT", email: "y@test.realise", role: "trust_viewer" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      h.as(approver).team.invite({ odsCode: "RR8", email: "z@test.realise", role: "trust_viewer" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await h.database.db.selectFrom("invitation").select("id").execute()).toEqual(before);
  });

  it("an expired invitation is refused; resending gives a new link and the old one stops working", async () => {
    const approver = await h.principal("approver.rgt@demo.realise");
    const { invitationId } = await h.as(approver).team.invite({
      odsCode: "RGT",
      email: "late.starter@test.realise",
      role: "trust_viewer",
    });
    const first = linkIn((await mailTo("late.starter@test.realise"))!.text, "invitations");
    await h.database.db
      .updateTable("invitation")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", invitationId)
      .execute();
    await expect(h.as(null).team.acceptInvitation({ token: first, password: STRONG })).rejects.toMatchObject({
      message: expect.stringMatching(/^token: This invitation has expired/),
    });
    await h.as(approver).team.resend({ odsCode: "RGT", invitationId });
    const second = linkIn((await mailTo("late.starter@test.realise"))!.text, "invitations");
    expect(second).not.toBe(first);
    await expect(h.as(null).team.acceptInvitation({ token: first, password: STRONG })).rejects.toMatchObject({
      message: expect.stringMatching(/^token: This invitation link is not valid/),
    });
    await expect(
      h.as(null).team.acceptInvitation({ token: second, password: STRONG }),
    ).resolves.toMatchObject({
      role: "trust_viewer",
    });
    expect(await auditActions(invitationId)).toEqual(["team.invite", "team.resend", "team.accept"]);
  });

  it("disabling a leaver ends their session at once and refuses sign-in; re-enabling lets them back", async () => {
    const approver = await h.principal("approver.rgt@demo.realise");
    const viewer = await h.principal("viewer.rgt@demo.realise");
    const session = await signIn("viewer.rgt@demo.realise", DEMO_PASSWORD);
    expect(session.ok).toBe(true);
    const cookie = (session as { cookie: string }).cookie;
    expect(await principalOf(cookie)).toMatchObject({ userId: viewer.userId });

    // Another trust's approver cannot touch the account; nobody disables themselves.
    const other = await h.principal("approver.ry6@demo.realise");
    await expect(h.as(other).team.disable({ odsCode: "RGT", userId: viewer.userId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(other).team.disable({ odsCode: "RY6", userId: viewer.userId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      h.as(approver).team.disable({ odsCode: "RGT", userId: approver.userId }),
    ).rejects.toMatchObject({
      message: "userId: You cannot disable your own account",
    });

    const result = await h.as(approver).team.disable({ odsCode: "RGT", userId: viewer.userId });
    expect(result.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await principalOf(cookie)).toBeNull();
    const refused = await signIn("viewer.rgt@demo.realise", DEMO_PASSWORD);
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect((refused as { text: string }).text).toContain("disabled");
    expect(
      (await h.as(approver).team.list({ odsCode: "RGT" })).members.find((m) => m.userId === viewer.userId),
    ).toMatchObject({ disabled: true });

    await h.as(approver).team.enable({ odsCode: "RGT", userId: viewer.userId });
    expect((await signIn("viewer.rgt@demo.realise", DEMO_PASSWORD)).ok).toBe(true);
    expect(await auditActions(viewer.userId)).toEqual(
      expect.arrayContaining(["account.disable", "account.enable"]),
    );
  });

  it("roles change within the trust, never one's own; the last national admin stays", async () => {
    const approver = await h.principal("approver.rgt@demo.realise");
    const editor = await h.principal("editor.rgt@demo.realise");
    const admin = await h.principal("admin@demo.realise");
    await expect(
      h.as(approver).team.changeRole({ odsCode: "RGT", userId: approver.userId, role: "trust_viewer" }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^userId: You cannot change your own role/) });
    await h.as(approver).team.changeRole({ odsCode: "RGT", userId: editor.userId, role: "trust_viewer" });
    expect((await h.principal("editor.rgt@demo.realise")).role).toBe("trust_viewer");
    await h.as(admin).team.changeRole({ odsCode: "RGT", userId: editor.userId, role: "trust_editor" });
    expect((await h.principal("editor.rgt@demo.realise")).role).toBe("trust_editor");
    await expect(h.as(admin).accounts.disable({ userId: admin.userId })).rejects.toMatchObject({
      message: "userId: You cannot disable your own account",
    });
    await expect(
      h.as(admin).accounts.changeBinding({
        userId: admin.userId,
        expected: { role: "national_admin", odsCode: null },
        role: "national_analyst",
        odsCode: null,
      }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/last national admin/),
    });
  });

  it("a password reset link works once, for an hour, and ends every session; unknown addresses get the same answer", async () => {
    const editor = await h.principal("editor.ry6@demo.realise");
    const old = await signIn("editor.ry6@demo.realise", DEMO_PASSWORD);
    const cookie = (old as { cookie: string }).cookie;
    const known = await h.as(null).account.requestPasswordReset({ email: "editor.ry6@demo.realise" });
    const unknown = await h.as(null).account.requestPasswordReset({ email: "nobody@test.realise" });
    expect(unknown).toEqual(known);
    const token = linkIn((await mailTo("editor.ry6@demo.realise"))!.text, "reset-password");
    expect(smtp.received.some((m) => m.to.includes("nobody@test.realise"))).toBe(false);

    await expect(h.as(null).account.resetPassword({ token, password: "password1234" })).rejects.toMatchObject(
      {
        message: expect.stringMatching(/^password: /),
      },
    );
    await h.as(null).account.resetPassword({ token, password: STRONG });
    expect(await principalOf(cookie)).toBeNull();
    await expect(h.as(null).account.resetPassword({ token, password: `${STRONG}!` })).rejects.toMatchObject({
      message: "token: This password reset link has already been used",
    });
    expect((await signIn("editor.ry6@demo.realise", STRONG)).ok).toBe(true);

    await h.as(null).account.requestPasswordReset({ email: "editor.ry6@demo.realise" });
    const late = linkIn((await mailTo("editor.ry6@demo.realise"))!.text, "reset-password");
    await h.database.db
      .updateTable("password_reset")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", editor.userId)
      .where("used_at", "is", null)
      .execute();
    await expect(
      h.as(null).account.resetPassword({ token: late, password: `${STRONG}!` }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^token: This password reset link has expired/),
    });
  });

  it("changing a password checks the current one and ends the other sessions, keeping this one", async () => {
    const here = await signIn("approver.ry6@demo.realise", DEMO_PASSWORD);
    const there = await signIn("approver.ry6@demo.realise", DEMO_PASSWORD);
    const hereCookie = (here as { cookie: string }).cookie;
    const ctx = await createContext(h.database, h.auth, new Headers({ cookie: hereCookie }));
    const { createCaller } = await import("../src/caller.js");
    const caller = createCaller(ctx);
    await expect(
      caller.account.changePassword({ currentPassword: "not-it", newPassword: STRONG }),
    ).rejects.toMatchObject({ message: "currentPassword: Your current password is not right" });
    await expect(
      caller.account.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "password1234" }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^newPassword: /) });
    const changed = await caller.account.changePassword({
      currentPassword: DEMO_PASSWORD,
      newPassword: STRONG,
    });
    expect(changed.otherSessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await principalOf(hereCookie)).not.toBeNull();
    expect(await principalOf((there as { cookie: string }).cookie)).toBeNull();
    expect((await signIn("approver.ry6@demo.realise", STRONG)).ok).toBe(true);
  });

  it("the national console disables, renames and sends a reset link to any account", async () => {
    const admin = await h.principal("admin@demo.realise");
    const analyst = await h.principal("analyst@demo.realise");
    await h.as(admin).accounts.rename({ userId: analyst.userId, name: "Analyst Renamed" });
    expect((await h.principal("analyst@demo.realise")).name).toBe("Analyst Renamed");
    await h.as(admin).accounts.resetPassword({ userId: analyst.userId });
    expect((await mailTo("analyst@demo.realise"))?.text).toContain("/reset-password/");
    await h.as(admin).accounts.disable({ userId: analyst.userId });
    const row = (await h.as(admin).accounts.list({ search: "analyst@demo" }))[0];
    expect(row?.disabledAt).not.toBeNull();
    await h.as(admin).accounts.enable({ userId: analyst.userId });
    expect(await auditActions(analyst.userId)).toEqual(
      expect.arrayContaining([
        "account.rename",
        "account.passwordResetSent",
        "account.disable",
        "account.enable",
      ]),
    );
  });
});
