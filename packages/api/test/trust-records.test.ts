import { periodOf, previousPeriod } from "@realise/domain";
import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";

/** A monetised register line; tests override what they exercise. */
function lineFields(overrides: Record<string, unknown> = {}) {
  return {
    benefitTypeCode: "B12",
    title: "Less agency spend on the wards",
    benefitClass: "cash_releasing" as const,
    isDisbenefit: false,
    owner: "Chief Nurse",
    metric: "Agency spend",
    unit: "£ a year",
    direction: "decrease" as const,
    baseline: { value: 500_000, date: "2025-04-01", source: "Ledger" },
    target: { value: 300_000, date: "2027-03-31" },
    trajectory: [] as Array<{ date: string; value: number }>,
    confidence: "medium" as const,
    status: "in_progress" as const,
    enablingFunctionalities: [] as string[],
    fullYearValueGbp: 250_000 as number | null,
    attributionPct: 100,
    doubleCountGroup: null as string | null,
    evidence: null as string | null,
    ...overrides,
  };
}

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    const e = error as { code: string; message: string; cause?: { issues?: Array<{ path: PropertyKey[] }> } };
    return {
      code: e.code,
      message: e.message,
      fields: (e.cause?.issues ?? []).map((i) => i.path.map(String).join(".")),
    };
  }
  throw new Error("Expected the call to be refused");
}

const duePeriod = () => previousPeriod(periodOf(new Date(), "quarter"));

describe.each(engines)("undo and history for benefits and plans on %s", (engine) => {
  const h = useHarness(engine);

  it("withdraws a benefit line: out of the trust's and the nation's totals, kept in the history", async () => {
    const odsCode = "RGT";
    const editor = h.as(await h.principal("editor.rgt@demo.realise"));
    const viewer = h.as(await h.principal("viewer.rgt@demo.realise"));
    const admin = h.as(h.role("national_admin"));
    const before = await editor.benefits.list({ odsCode });
    const nationBefore = await admin.benefits.national();
    const line = await editor.benefits.create({ odsCode, line: lineFields() });
    const added = await editor.benefits.list({ odsCode });
    expect(added.totals.expectedGbp - before.totals.expectedGbp).toBeCloseTo(250_000);

    // Only the trust's editors and approver withdraw, at the version read, saying why.
    await expect(
      viewer.benefits.withdraw({ odsCode, id: line.id, expectedVersion: 1, reason: "Duplicate" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await refusal(editor.benefits.withdraw({ odsCode, id: line.id, expectedVersion: 1, reason: " " })),
    ).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Say why") });
    expect(
      await refusal(
        editor.benefits.withdraw({ odsCode, id: line.id, expectedVersion: 7, reason: "Duplicate" }),
      ),
    ).toMatchObject({ code: "CONFLICT" });

    await editor.benefits.withdraw({
      odsCode,
      id: line.id,
      expectedVersion: 1,
      reason: "Counted in the nursing workforce line",
    });
    const after = await viewer.benefits.list({ odsCode });
    expect(after.lines.map((l) => l.id)).not.toContain(line.id);
    expect(after.totals.expectedGbp).toBeCloseTo(before.totals.expectedGbp);
    expect(after.withdrawnLines).toContainEqual({
      id: line.id,
      title: "Less agency spend on the wards",
      withdrawn: expect.objectContaining({
        by: "editor.rgt@demo.realise",
        reason: "Counted in the nursing workforce line",
      }),
    });
    const nation = await admin.benefits.national();
    expect(nation.totals.expectedGbp).toBeCloseTo(nationBefore.totals.expectedGbp);
    expect(nation.totals.lines).toBe(nationBefore.totals.lines);
    expect(await editor.benefits.exportCsv({ odsCode })).not.toContain("Less agency spend on the wards");

    // Still readable, marked withdrawn; no longer changeable.
    expect((await viewer.benefits.get({ odsCode, id: line.id })).withdrawn).toMatchObject({
      reason: "Counted in the nursing workforce line",
    });
    const changed = await refusal(
      editor.benefits.update({
        odsCode,
        id: line.id,
        expectedVersion: 2,
        line: lineFields({ owner: "CFO" }),
      }),
    );
    expect(changed).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("was withdrawn"),
    });
    const recorded = await refusal(
      editor.benefits.recordActual({
        odsCode,
        id: line.id,
        expectedVersion: 2,
        period: duePeriod(),
        value: 1,
      }),
    );
    expect(recorded.code).toBe("PRECONDITION_FAILED");

    const history = await viewer.benefits.history({ odsCode, id: line.id });
    expect(history.entries.map((e) => e.summary)).toEqual([
      "Withdrew the benefit “Less agency spend on the wards”: Counted in the nursing workforce line",
      "Added the benefit “Less agency spend on the wards”",
    ]);
    expect(history.entries[0]).toMatchObject({ by: "editor.rgt@demo.realise" });
    await expect(
      h.as(await h.principal("viewer.rru@demo.realise")).benefits.history({ odsCode }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("asks to confirm before re-recording an actual, and keeps the old value in the history", async () => {
    const odsCode = "RGT";
    const editor = h.as(await h.principal("editor.rgt@demo.realise"));
    const period = duePeriod();
    const line = await editor.benefits.create({ odsCode, line: lineFields({ title: "Fewer bank shifts" }) });
    const first = await editor.benefits.recordActual({
      odsCode,
      id: line.id,
      expectedVersion: 1,
      period,
      value: 480_000,
      source: "Ledger",
    });
    const unconfirmed = await refusal(
      editor.benefits.recordActual({
        odsCode,
        id: line.id,
        expectedVersion: first.version,
        period,
        value: 450_000,
      }),
    );
    expect(unconfirmed).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`${period} already has an actual of 480000 (Ledger)`),
    });
    expect((await editor.benefits.get({ odsCode, id: line.id })).actuals.map((a) => a.value)).toEqual([
      480_000,
    ]);

    await editor.benefits.recordActual({
      odsCode,
      id: line.id,
      expectedVersion: first.version,
      period,
      value: 450_000,
      source: "Ledger, corrected",
      replace: true,
    });
    expect((await editor.benefits.get({ odsCode, id: line.id })).actuals.map((a) => a.value)).toEqual([
      450_000,
    ]);

    // A change to the line's fields, in words (labels, never stored codes).
    const now = await editor.benefits.get({ odsCode, id: line.id });
    await editor.benefits.update({
      odsCode,
      id: line.id,
      expectedVersion: now.version,
      line: lineFields({
        title: "Fewer bank shifts",
        benefitClass: "non_cash_releasing",
        owner: "Deputy Chief Nurse",
        target: { value: 300_000, date: "2027-06-30" },
      }),
    });
    const [changed, rerecorded, recordedFirst] = (await editor.benefits.history({ odsCode, id: line.id }))
      .entries;
    expect(changed!.summary).toBe("Changed the benefit “Fewer bank shifts”");
    expect(changed!.changes).toEqual([
      { field: "Class", before: "Cash-releasing", after: "Non-cash-releasing" },
      { field: "Owner", before: "Chief Nurse", after: "Deputy Chief Nurse" },
      { field: "Target", before: "300,000 by 31 March 2027", after: "300,000 by 30 June 2027" },
    ]);
    expect(rerecorded!.summary).toBe(`Re-recorded the actual for ${period}: 480,000 replaced by 450,000`);
    expect(rerecorded!.changes).toEqual([
      { field: `Actual for ${period}`, before: "480,000", after: "450,000" },
      { field: `Source for ${period}`, before: "Ledger", after: "Ledger, corrected" },
    ]);
    expect(recordedFirst!.summary).toBe(`Recorded the actual for ${period}: 480,000`);
    // The trust's whole register history holds the same entries.
    const all = await editor.benefits.history({ odsCode });
    expect(all.entries.map((e) => e.id)).toEqual(expect.arrayContaining([changed!.id, rerecorded!.id]));
  });

  it("checks new plan items: no past date, a target above the level now, one open item per step", async () => {
    const odsCode = "RRU";
    const editor = h.as(await h.principal("editor.rru@demo.realise"));
    const plan = await editor.plans.list({ odsCode });
    const f = plan.functionalities.find(
      (x) =>
        x.level >= 1 &&
        x.level <= 3 &&
        !plan.items.some((i) => i.functionalityCode === x.code && i.status !== "done"),
    )!;
    const item = (over: Record<string, unknown> = {}) => ({
      odsCode,
      expectedVersion: 0,
      functionalityCode: f.code,
      targetLevel: f.level + 1,
      targetDate: "2027-09-30",
      owner: "CCIO",
      status: "in_progress" as const,
      ...over,
    });
    const past = await refusal(editor.plans.upsertItem(item({ targetDate: "2025-12-31" }) as never));
    expect(past).toMatchObject({ code: "BAD_REQUEST", fields: ["targetDate"] });
    expect(past.message).toContain("Target date 31 December 2025 is in the past");
    const reached = await refusal(editor.plans.upsertItem(item({ targetLevel: f.level }) as never));
    expect(reached).toMatchObject({ code: "BAD_REQUEST", fields: ["targetLevel"] });
    expect(reached.message).toContain(`${f.name} is already at L${f.level}`);
    expect((await editor.plans.list({ odsCode })).items).toHaveLength(plan.items.length);

    await editor.plans.upsertItem(item() as never);
    const twin = await refusal(editor.plans.upsertItem(item({ targetDate: "2028-03-31" }) as never));
    expect(twin).toMatchObject({ code: "BAD_REQUEST", fields: ["functionalityCode"] });
    expect(twin.message).toContain(`already has an open item taking ${f.name} to L${f.level + 1}`);
  });

  it("removes a plan item: out of the plan and its forecast, kept in the history in words", async () => {
    const odsCode = "RP4";
    const editor = h.as(await h.principal("editor.rp4@demo.realise"));
    const viewer = h.as(await h.principal("viewer.rp4@demo.realise"));
    const plan = await editor.plans.list({ odsCode });
    const f = plan.functionalities.find(
      (x) => x.level < 4 && !plan.items.some((i) => i.functionalityCode === x.code && i.targetLevel === 5),
    )!;
    const created = await editor.plans.upsertItem({
      odsCode,
      expectedVersion: 0,
      functionalityCode: f.code,
      targetLevel: 5,
      targetDate: "2027-06-30",
      owner: "CCIO",
      status: "in_progress",
    });
    const changed = await editor.plans.upsertItem({
      odsCode,
      id: created.id,
      expectedVersion: 1,
      functionalityCode: f.code,
      targetLevel: 5,
      targetDate: "2027-06-30",
      owner: "CCIO",
      status: "at_risk",
    });
    await expect(
      viewer.plans.removeItem({ odsCode, id: created.id, expectedVersion: changed.version }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await editor.plans.removeItem({ odsCode, id: created.id, expectedVersion: changed.version });
    expect((await viewer.plans.list({ odsCode })).items.map((i) => i.id)).not.toContain(created.id);

    const history = (await viewer.plans.history({ odsCode })).entries.slice(0, 3);
    const step = `${f.code} ${f.name} to L5 by 30 June 2027`;
    expect(history.map((e) => e.summary)).toEqual([
      `Removed the plan item: ${step}`,
      `Changed the plan item for ${f.code} ${f.name}`,
      `Added a plan item: ${step}`,
    ]);
    expect(history[1]!.changes).toEqual([{ field: "Status", before: "In progress", after: "At risk" }]);
    expect(history[0]!.changes).toContainEqual({
      field: "Target level",
      before: "L5 Optimised",
      after: "none",
    });
    expect(history.every((e) => e.by === "editor.rp4@demo.realise")).toBe(true);
  });

  it("refuses withdrawing, re-recording and removing while a return is submitted", async () => {
    const odsCode = "RGT";
    const editor = h.as(await h.principal("editor.rgt@demo.realise"));
    const line = await editor.benefits.create({ odsCode, line: lineFields({ title: "Fewer taxis" }) });
    const plan = await editor.plans.list({ odsCode });
    const item = plan.items[0]!;
    await h.as(await h.principal("approver.rgt@demo.realise")).returns.submit({
      odsCode,
      period: periodOf(new Date(), "quarter"),
    });
    // Each call starts only when awaited: started together, a later refusal would go unheard meanwhile.
    for (const call of [
      () => editor.benefits.withdraw({ odsCode, id: line.id, expectedVersion: 1, reason: "Not needed" }),
      () =>
        editor.benefits.recordActual({
          odsCode,
          id: line.id,
          expectedVersion: 1,
          period: duePeriod(),
          value: 1,
          replace: true,
        }),
      () => editor.plans.removeItem({ odsCode, id: item.id, expectedVersion: item.version }),
    ]) {
      expect(await refusal(call())).toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining("return"),
      });
    }
    expect((await editor.benefits.list({ odsCode })).lines.map((l) => l.id)).toContain(line.id);
    expect((await editor.plans.list({ odsCode })).items.map((i) => i.id)).toContain(item.id);
  });
});

describe.each(engines)("what the plan leaves missing on %s", (engine) => {
  const h = useHarness(engine);

  it("says, for a tier the plan does not reach, which criteria stay unmet and how to meet them", async () => {
    const odsCode = "RY6";
    const editor = h.as(await h.principal("editor.ry6@demo.realise"));
    for (const i of (await editor.plans.list({ odsCode })).items)
      await editor.plans.removeItem({ odsCode, id: i.id, expectedVersion: i.version });
    const forecast = await editor.plans.forecast({ odsCode });
    const unreached = forecast.tiers.filter((t) => !t.attainedNow);
    expect(unreached.length).toBeGreaterThan(0);
    for (const t of unreached) {
      expect(t.status).toBe("not_planned");
      expect(t.missing.length).toBeGreaterThan(0);
      for (const m of t.missing) {
        expect(m.tier).toBeLessThanOrEqual(t.tier);
        expect(m.functionalities.every((f) => f.plannedLevel < m.requiredLevel && f.name.length > 0)).toBe(
          true,
        );
      }
    }
    // Planning every option of the first gap to its level takes that gap off the list.
    const first = unreached[0]!.missing[0]!;
    for (const f of first.functionalities) {
      await editor.plans.upsertItem({
        odsCode,
        expectedVersion: 0,
        functionalityCode: f.code,
        targetLevel: first.requiredLevel as 3,
        targetDate: "2027-12-31",
        owner: "CCIO",
        status: "in_progress",
      });
    }
    const after = (await editor.plans.forecast({ odsCode })).tiers.find(
      (t) => t.tier === unreached[0]!.tier,
    )!;
    expect(
      after.missing.some(
        (m) =>
          m.tier === first.tier && m.functionalities.some((f) => f.code === first.functionalities[0]!.code),
      ),
    ).toBe(false);
  });
});
