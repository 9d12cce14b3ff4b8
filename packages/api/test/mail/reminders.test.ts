import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport, startMailWorker } from "../../src/mail/index.js";
import { queueReturnReminders } from "../../src/services/collections/index.js";
import { engines, useHarness } from "../support/harness.js";
import { startSmtpServer } from "../support/smtp.js";

const quiet = { info() {}, warn() {} };

describe.each(engines)("return reminders on %s", (engine) => {
  const h = useHarness(engine);
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp?.close());
  afterEach(() => {
    delete process.env.REALISE_TODAY;
  });

  it("emails approvers who have not submitted, 7 days before the due date and once overdue, once each", async () => {
    process.env.REALISE_TODAY = "2098-05-01";
    await h.as(await h.principal("admin@demo.realise")).collections.open({
      period: "2098/99 Q1",
      opensOn: "2098-04-01",
      dueOn: "2098-07-15",
    });
    // RR8 has submitted: it is not chased.
    await h.database.db
      .insertInto("trust_return")
      .values({
        ods_code: "RR8",
        period: "2098/99 Q1",
        status: "submitted",
        framework_version: 1,
        payload: "{}",
      })
      .execute();
    const worker = startMailWorker({
      database: h.database,
      transport: createMailTransport(smtp.url, quiet),
      from: "realise@test.realise",
      logger: quiet,
      intervalMs: 60_000,
    });

    // The demo's own collections are long overdue on these dates: count only this quarter's messages.
    const mine = async () =>
      (await h.database.db.selectFrom("mail_outbox").select("subject").execute()).filter((m) =>
        m.subject.includes("2098/99 Q1"),
      ).length;
    process.env.REALISE_TODAY = "2098-07-07";
    await queueReturnReminders(h.database.db, "http://localhost:3000");
    expect(await mine()).toBe(0);

    process.env.REALISE_TODAY = "2098-07-08";
    await queueReturnReminders(h.database.db, "http://localhost:3000");
    const soon = await mine();
    expect(soon).toBeGreaterThan(0);
    expect(await queueReturnReminders(h.database.db, "http://localhost:3000")).toBe(0);
    await worker.drain();
    const dueSoon = smtp.received.filter((m) => m.subject.startsWith("Your 2098/99 Q1 return is due"));
    expect(dueSoon).toHaveLength(soon);
    const toRgt = dueSoon.find((m) => m.to.includes("approver.rgt@demo.realise"));
    expect(toRgt?.subject).toBe(
      "Your 2098/99 Q1 return is due on 15 July 2098: Cambridge University Hospitals NHS Foundation Trust",
    );
    expect(toRgt?.text).toContain("http://localhost:3000/trusts/RGT/dashboard");
    expect(dueSoon.some((m) => m.to.includes("approver.rr8@demo.realise"))).toBe(false);
    // Only approvers: never editors or viewers.
    expect(dueSoon.flatMap((m) => m.to).every((a) => a.startsWith("approver."))).toBe(true);

    process.env.REALISE_TODAY = "2098-07-16";
    await queueReturnReminders(h.database.db, "http://localhost:3000");
    expect(await mine()).toBe(2 * soon);
    await worker.drain();
    await worker.stop();
    const overdue = smtp.received.filter((m) => m.subject.startsWith("Your 2098/99 Q1 return is overdue"));
    expect(overdue).toHaveLength(soon);
    expect(overdue[0]?.text).toContain("was due on 15 July 2098 and has not been submitted");
  });
});
