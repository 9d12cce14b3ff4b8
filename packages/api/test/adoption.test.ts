import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";
import { blankAdoption as blank } from "./support/inputs.js";

describe.each(engines)("adoption on %s", (engine) => {
  const h = useHarness(engine);

  async function recordOf(odsCode: string, code: string) {
    const dash = await h.as(h.role("national_analyst")).adoption.forOrganisation({ odsCode });
    const record = dash.records.find((r) => r.functionalityCode === code);
    return { dash, record };
  }

  it("gives a trust's staff its dashboard computed by the domain rules", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    const dash = await h.as(editor).adoption.forOrganisation({ odsCode: "RGT" });
    expect(dash.organisation.odsCode).toBe("RGT");
    expect(dash.assessment.attainedTier).toBeGreaterThanOrEqual(0);
    expect(dash.assessment.functionalities.length).toBeGreaterThan(30);
    expect(dash.records.length).toBeGreaterThan(0);
    expect(dash.peers[0]?.trusts).toBe(120);
  });

  it("refuses another trust's data to trust staff, and everything to no session", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    await expect(h.as(editor).adoption.forOrganisation({ odsCode: "RRU" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(null).adoption.forOrganisation({ odsCode: "RGT" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const { record } = await recordOf("RRU", "F01");
    await expect(
      h.as(editor).adoption.update({
        odsCode: "RRU",
        functionalityCode: "F01",
        expectedVersion: record!.version,
        values: blank,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const viewer = await h.principal("viewer.rgt@demo.realise");
    await expect(
      h
        .as(viewer)
        .adoption.update({ odsCode: "RGT", functionalityCode: "F01", expectedVersion: 1, values: blank }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      h
        .as(h.role("national_admin"))
        .adoption.update({ odsCode: "RGT", functionalityCode: "F01", expectedVersion: 1, values: blank }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("derives the level from the measures, writes an audit row, and moves the tier in the same transaction", async () => {
    const editor = await h.principal("editor.rr8@demo.realise");
    const { record } = await recordOf("RR8", "F13");
    const auditBefore = await h.as(editor).adoption.history({ odsCode: "RR8", functionalityCode: "F13" });
    const result = await h.as(editor).adoption.update({
      odsCode: "RR8",
      functionalityCode: "F13",
      expectedVersion: record?.version ?? 0,
      values: { ...blank, coveragePct: 100, usageNumerator: 990, usageDenominator: 1000, paperRetired: true },
    });
    expect(result.record.level).toBeGreaterThanOrEqual(4);
    expect(result.record.version).toBe((record?.version ?? 0) + 1);
    const history = await h.as(editor).adoption.history({ odsCode: "RR8", functionalityCode: "F13" });
    expect(history).toHaveLength(auditBefore.length + 1);
    expect(history[0]).toMatchObject({
      actorEmail: "editor.rr8@demo.realise",
      action: expect.stringMatching(/^adoption\./),
    });
    expect((history[0]!.after as { coveragePct: number }).coveragePct).toBe(100);
    const tier = await h.database.db
      .selectFrom("organisation_tier")
      .select("attained_tier")
      .where("ods_code", "=", "RR8")
      .executeTakeFirstOrThrow();
    expect(tier.attained_tier).toBe(result.attainedTier);
  });

  it("answers a stale version with CONFLICT and what changed, never overwriting", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    const { record } = await recordOf("RGT", "F05");
    const v = record?.version ?? 0;
    await h.as(editor).adoption.update({
      odsCode: "RGT",
      functionalityCode: "F05",
      expectedVersion: v,
      values: { ...blank, coveragePct: 55 },
    });
    const stale = h.as(editor).adoption.update({
      odsCode: "RGT",
      functionalityCode: "F05",
      expectedVersion: v,
      values: { ...blank, coveragePct: 10 },
    });
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await recordOf("RGT", "F05");
    expect(after.record?.coveragePct).toBe(55);
  });

  it("rejects bad input naming the field, and changes nothing", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    const { record } = await recordOf("RGT", "F02");
    const bad = h.as(editor).adoption.update({
      odsCode: "RGT",
      functionalityCode: "F02",
      expectedVersion: record!.version,
      values: { ...blank, coveragePct: 140 },
    });
    await expect(bad).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("coveragePct"),
    });
    const over = h.as(editor).adoption.update({
      odsCode: "RGT",
      functionalityCode: "F02",
      expectedVersion: record!.version,
      values: { ...blank, usageNumerator: 11, usageDenominator: 10, coveragePct: 50 },
    });
    await expect(over).rejects.toMatchObject({ message: expect.stringContaining("usageNumerator") });
    expect((await recordOf("RGT", "F02")).record?.version).toBe(record!.version);
  });

  it("locks records once the approver submits, until the national team sends the return back", async () => {
    const approver = await h.principal("approver.rxt@demo.realise");
    const editor = await h.principal("editor.rxt@demo.realise");
    const { dash } = await recordOf("RXT", "F01");
    const period = dash.currentPeriod;
    await expect(h.as(editor).returns.submit({ odsCode: "RXT", period })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const submitted = await h.as(approver).returns.submit({ odsCode: "RXT", period });
    expect(submitted.status).toBe("submitted");
    const { record } = await recordOf("RXT", "F01");
    await expect(
      h.as(editor).adoption.update({
        odsCode: "RXT",
        functionalityCode: "F01",
        expectedVersion: record!.version,
        values: blank,
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("locked") });
    const admin = h.role("national_admin");
    await expect(h.as(admin).returns.sendBack({ odsCode: "RXT", period, comment: "" })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
        message: expect.stringContaining("comment"),
      },
    );
    const back = await h
      .as(admin)
      .returns.sendBack({ odsCode: "RXT", period, comment: "Please attach evidence for eObs" });
    expect(back.status).toBe("returned");
    const updated = await h.as(editor).adoption.update({
      odsCode: "RXT",
      functionalityCode: "F01",
      expectedVersion: record!.version,
      values: { ...blank, coveragePct: 30 },
    });
    expect(updated.record.coveragePct).toBe(30);
    const again = await h.as(approver).returns.submit({ odsCode: "RXT", period });
    expect(again.version).toBe(3);
    const accepted = await h.as(admin).returns.accept({ odsCode: "RXT", period });
    expect(accepted.status).toBe("accepted");
    await expect(h.as(admin).returns.accept({ odsCode: "RXT", period })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("confirms a whole tier unchanged in one action, audited per record", async () => {
    const editor = await h.principal("editor.ry6@demo.realise");
    const before = await recordOf("RY6", "F01");
    const tier1 = before.dash.records.filter((r) =>
      before.dash.framework.functionalities.some((f) => f.code === r.functionalityCode && f.tier === 1),
    );
    const result = await h.as(editor).adoption.confirmTier({ odsCode: "RY6", tier: 1 });
    expect(result.confirmed).toBe(tier1.length);
    const after = await recordOf("RY6", "F01");
    expect(after.record!.version).toBe(before.record!.version + 1);
    expect(after.record!.coveragePct).toBe(before.record!.coveragePct);
  });
});
