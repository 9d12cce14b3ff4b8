import { periodOf } from "@realise/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport, type MailWorker, startMailWorker } from "../src/mail/index.js";
import { today } from "../src/services/clock.js";
import { engines, useHarness } from "./support/harness.js";
import { startSmtpServer } from "./support/smtp.js";

const quiet = { info() {}, warn() {} };

describe.each(engines)("assignments, my work and the handoff to the approver, on %s", (engine) => {
  const h = useHarness(engine);
  const period = periodOf(today(), "quarter");
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

  it("assigns a functionality to an editor, who is emailed and sees it in My work until reviewed", async () => {
    const approver = await h.principal("approver.rgt@demo.realise");
    const editor = await h.principal("editor.rgt@demo.realise");
    const assigned = await h.as(approver).assignments.assign({
      odsCode: "RGT",
      functionalityCode: "F13",
      assigneeUserId: editor.userId,
    });
    expect(assigned.what).toMatch(/\(F13\)$/);
    await worker.drain();
    const mail = smtp.received.find((m) => m.to.includes("editor.rgt@demo.realise"));
    expect(mail?.subject).toContain("Assigned to you");
    expect(mail?.text).toContain("/my-work");

    await h.as(approver).assignments.assign({ odsCode: "RGT", tier: 2, assigneeUserId: editor.userId });
    const mine = await h.as(editor).assignments.mine();
    expect(mine.period).toBe(period);
    const f13 = mine.items.find((i) => i.kind === "functionality" && i.key === "F13");
    expect(f13).toMatchObject({ path: "/trusts/RGT/functionalities/F13" });
    expect(mine.items.map((i) => i.kind).sort()).toEqual(["functionality", "tier"]);
    // The approver's own list is empty: the work is the editor's.
    expect((await h.as(approver).assignments.mine()).items).toEqual([]);

    // Records last changed in an earlier quarter are not reviewed; marking tier 2 ready counts as reviewed.
    await h.database.db
      .updateTable("adoption_record")
      .set({ updated_at: new Date("2020-01-01T00:00:00Z") })
      .where("ods_code", "=", "RGT")
      .execute();
    expect(
      (await h.as(editor).assignments.mine()).items.find((i) => i.kind === "functionality")?.reviewed,
    ).toBe(false);
    expect((await h.as(editor).assignments.mine()).items.find((i) => i.kind === "tier")?.reviewed).toBe(
      false,
    );
    await h.as(editor).handoff.markReady({ odsCode: "RGT", period, tier: 2 });
    expect((await h.as(editor).assignments.mine()).items.find((i) => i.kind === "tier")?.reviewed).toBe(true);

    await h.as(approver).assignments.unassign({ odsCode: "RGT", functionalityCode: "F13" });
    expect((await h.as(editor).assignments.mine()).items.map((i) => i.kind)).toEqual(["tier"]);
  });

  it("refuses assigning to a viewer, to another trust's account, or what the trust does not have", async () => {
    const approver = await h.principal("approver.rgt@demo.realise");
    const viewer = await h.principal("viewer.rgt@demo.realise");
    const outsider = await h.principal("editor.rr8@demo.realise");
    await expect(
      h
        .as(approver)
        .assignments.assign({ odsCode: "RGT", functionalityCode: "F01", assigneeUserId: viewer.userId }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^assigneeUserId: .* is a viewer/) });
    await expect(
      h
        .as(approver)
        .assignments.assign({ odsCode: "RGT", functionalityCode: "F01", assigneeUserId: outsider.userId }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^assigneeUserId: Choose a colleague/) });
    await expect(
      h.as(approver).assignments.assign({
        odsCode: "RGT",
        benefitLineId: "no-such-line",
        assigneeUserId: approver.userId,
      }),
    ).rejects.toMatchObject({ message: "benefitLineId: Trust RGT has no such benefit line" });
    await expect(
      h
        .as(approver)
        .assignments.assign({ odsCode: "RR8", functionalityCode: "F01", assigneeUserId: outsider.userId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      h.as(approver).assignments.assign({
        odsCode: "RGT",
        functionalityCode: "F01",
        tier: 1,
        assigneeUserId: approver.userId,
      } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(
      (await h.as(approver).assignments.list({ odsCode: "RGT" })).items.every((i) => i.key !== "F01"),
    ).toBe(true);
  });

  it("the approver sees what is ready and what is not; the whole trust ready makes the collection say so", async () => {
    const editor = await h.principal("editor.ry6@demo.realise");
    const approver = await h.principal("approver.ry6@demo.realise");
    const viewer = await h.principal("viewer.ry6@demo.realise");
    await expect(h.as(viewer).handoff.markReady({ odsCode: "RY6", period, tier: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await h.as(editor).handoff.markReady({ odsCode: "RY6", period, tier: 1 });
    let status = await h.as(approver).handoff.status({ odsCode: "RY6", period });
    expect(status.trustReady).toBe(false);
    expect(status.tiers.find((t) => t.tier === 1)).toMatchObject({
      ready: true,
      markedBy: "editor.ry6@demo.realise",
    });
    expect(status.notReady).not.toContain(1);
    expect(status.notReady.length).toBeGreaterThan(0);

    await h.as(editor).handoff.markReady({ odsCode: "RY6", period });
    const checklist = await h.as(approver).returns.checklist({ odsCode: "RY6", period });
    expect(checklist.handoff.trustReady).toBe(true);
    expect(checklist.handoff.notReady).toEqual([]);

    await h.as(editor).handoff.takeBack({ odsCode: "RY6", period });
    status = await h.as(approver).handoff.status({ odsCode: "RY6", period });
    expect(status.trustReady).toBe(false);
    await expect(
      h.as(editor).handoff.markReady({ odsCode: "RY6", period, tier: 9 } as never),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
