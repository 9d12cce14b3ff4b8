import { periodOf } from "@realise/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startRealise } from "../../src/http/boot.js";
import { engines, useHarness } from "../support/harness.js";
import { startSmtpServer } from "../support/smtp.js";

describe.each(engines)("emails a decision causes, through the running server, on %s", (engine) => {
  const h = useHarness(engine);
  const period = periodOf(new Date(), "quarter");
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let server: Running;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "Realise <returns@test.realise>";
    server = await startRealise({ port: 0, database: h.database, demo: false, log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    await smtp?.close();
  });

  const arrived = async (subject: string) => {
    for (let i = 0; i < 60; i++) {
      const found = smtp.received.filter((m) => m.subject === subject);
      if (found.length > 0) return found;
      await new Promise((r) => setTimeout(r, 250));
    }
    return [];
  };

  it("a sent-back return emails the trust's approvers and editors with the comment; acceptance emails approvers", async () => {
    const approver = await h.principal("approver.ry6@demo.realise");
    const admin = await h.principal("admin@demo.realise");
    await h.as(approver).returns.submit({ odsCode: "RY6", period });
    const comment = "Please attach the eObs audit for wards 3 and 4 — coverage looks high for the quarter.";
    await h.as(admin).returns.sendBack({ odsCode: "RY6", period, comment });

    const [sentBack] = await arrived(
      `Your ${period} return has been sent back: Leeds Community Healthcare NHS Trust`,
    );
    expect(sentBack).toBeDefined();
    expect(sentBack!.to.sort()).toEqual(["approver.ry6@demo.realise", "editor.ry6@demo.realise"]);
    expect(sentBack!.from).toBe("returns@test.realise");
    expect(sentBack!.text).toContain(comment);
    expect(sentBack!.text).toContain("/trusts/RY6/dashboard");

    await h.as(approver).returns.submit({ odsCode: "RY6", period });
    await h.as(admin).returns.accept({ odsCode: "RY6", period });
    const [accepted] = await arrived(
      `Your ${period} return has been accepted: Leeds Community Healthcare NHS Trust`,
    );
    expect(accepted?.to).toEqual(["approver.ry6@demo.realise"]);
  });

  it("a decision never waits for, or fails because of, the mail server", async () => {
    smtp.failNext(100);
    const approver = await h.principal("approver.rp4@demo.realise");
    await h.as(approver).returns.submit({ odsCode: "RP4", period });
    const back = await h
      .as(await h.principal("admin@demo.realise"))
      .returns.sendBack({ odsCode: "RP4", period, comment: "Evidence please" });
    expect(back.status).toBe("returned");
    // Refused by the server, the message stays in the outbox for a retry, with the reason.
    let row: { attempts: number; last_error: string | null } | undefined;
    for (let i = 0; i < 60 && !row?.attempts; i++) {
      await new Promise((r) => setTimeout(r, 250));
      row = await h.database.db
        .selectFrom("mail_outbox")
        .select(["attempts", "last_error"])
        .where("kind", "=", "return.sentBack")
        .where("subject", "like", "%Great Ormond%")
        .executeTakeFirst();
    }
    expect(row?.attempts).toBeGreaterThanOrEqual(1);
    expect(row?.last_error).toMatch(/Mailbox unavailable/);
    smtp.failNext(0);
  });
});
