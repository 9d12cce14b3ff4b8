import { enqueueMail, mailOutbox } from "@realise/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport, retryDelayMs, startMailWorker } from "../../src/mail/index.js";
import { engines, useHarness } from "../support/harness.js";
import { startSmtpServer } from "../support/smtp.js";

const quiet = { info() {}, warn() {} };

describe.each(engines)("mail outbox on %s", (engine) => {
  const h = useHarness(engine);
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp?.close());

  it("sends a queued message over SMTP, once, and records it as sent", async () => {
    const worker = startMailWorker({
      database: h.database,
      transport: createMailTransport(smtp.url, quiet),
      from: "realise@test.realise",
      logger: quiet,
      intervalMs: 60_000,
    });
    await enqueueMail(h.database.db, {
      kind: "test.hello",
      recipients: ["approver.rgt@demo.realise", "editor.rgt@demo.realise"],
      subject: "Return for 2026/27 Q2 sent back",
      body: "Please add evidence for ePMA coverage — the national team",
    });
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    await worker.stop();
    const got = smtp.received.filter((m) => m.subject === "Return for 2026/27 Q2 sent back");
    expect(got).toHaveLength(1);
    expect(got[0]!.to.sort()).toEqual(["approver.rgt@demo.realise", "editor.rgt@demo.realise"]);
    expect(got[0]!.from).toBe("realise@test.realise");
    expect(got[0]!.text).toContain("Please add evidence for ePMA coverage — the national team");
    const [row] = await mailOutbox(h.database.db, { kind: "test.hello" });
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it("keeps a refused message, schedules a retry, and sends it when the server accepts again", async () => {
    const worker = startMailWorker({
      database: h.database,
      transport: createMailTransport(smtp.url, quiet),
      from: "realise@test.realise",
      logger: quiet,
      intervalMs: 60_000,
    });
    smtp.failNext(1);
    await enqueueMail(h.database.db, {
      kind: "test.retry",
      recipients: ["approver.rr8@demo.realise"],
      subject: "Retry me",
      body: "second time lucky",
    });
    expect(await worker.drain()).toBe(0);
    let [row] = await mailOutbox(h.database.db, { kind: "test.retry" });
    expect(row?.sentAt).toBeNull();
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toMatch(/Mailbox unavailable/);
    // Due again: move its retry time to now rather than wait retryDelayMs(1).
    expect(retryDelayMs(1)).toBeGreaterThan(0);
    await h.database.db
      .updateTable("mail_outbox")
      .set({ next_attempt_at: sql`now()` })
      .where("kind", "=", "test.retry")
      .execute();
    expect(await worker.drain()).toBe(1);
    [row] = await mailOutbox(h.database.db, { kind: "test.retry" });
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(smtp.received.filter((m) => m.subject === "Retry me")).toHaveLength(1);
    await worker.stop();
  });

  it("with no SMTP_URL writes the message to the log instead of losing it", async () => {
    const lines: object[] = [];
    const logger = { info: (o: object) => lines.push(o), warn() {} };
    const worker = startMailWorker({
      database: h.database,
      transport: createMailTransport(undefined, logger),
      from: "realise@test.realise",
      logger,
      intervalMs: 60_000,
    });
    await enqueueMail(h.database.db, {
      kind: "test.log",
      recipients: ["a@b.c"],
      subject: "Logged",
      body: "to the log",
    });
    expect(await worker.drain()).toBe(1);
    await worker.stop();
    expect(JSON.stringify(lines)).toContain("to the log");
  });
});
