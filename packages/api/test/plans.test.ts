import { daysBetween, defaultFramework, type TrustType } from "@realise/domain";
import { describe, expect, it } from "vitest";
import { engines, type Harness, useHarness } from "./support/harness.js";

const item = (overrides: Record<string, unknown> = {}) => ({
  functionalityCode: "F13",
  targetLevel: 4 as const,
  targetDate: "2027-06-30",
  owner: "Chief Pharmacist",
  status: "in_progress" as const,
  ...overrides,
});

async function refusedFields(call: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code: string; cause?: { issues?: Array<{ path: PropertyKey[] }> } };
    return { code: e.code, fields: (e.cause?.issues ?? []).map((i) => i.path.map(String).join(".")) };
  }
  throw new Error("Expected the call to be refused");
}

/** Run a block standing on a chosen day of the NHS calendar (the services' clock), then back to today. */
async function on<T>(day: string, work: () => Promise<T>): Promise<T> {
  const was = process.env.REALISE_TODAY;
  process.env.REALISE_TODAY = day;
  try {
    return await work();
  } finally {
    if (was === undefined) delete process.env.REALISE_TODAY;
    else process.env.REALISE_TODAY = was;
  }
}

/** Remove every plan item of a trust, so a test starts from a known plan. */
async function clearPlan(h: Harness, odsCode: string) {
  const editor = await h.principal(`editor.${odsCode.toLowerCase()}@demo.realise`);
  const plan = await h.as(editor).plans.list({ odsCode });
  for (const i of plan.items)
    await h.as(editor).plans.removeItem({ odsCode, id: i.id, expectedVersion: i.version });
  return editor;
}

/** Plan every applicable functionality below L5 to reach L5 on one date. */
async function planEverything(h: Harness, odsCode: string, targetDate: string, status = "in_progress") {
  const editor = await h.principal(`editor.${odsCode.toLowerCase()}@demo.realise`);
  const plan = await h.as(editor).plans.list({ odsCode });
  for (const f of plan.functionalities.filter((x) => x.level < 5)) {
    await h.as(editor).plans.upsertItem({
      odsCode,
      expectedVersion: 0,
      ...item({ functionalityCode: f.code, targetLevel: 5, targetDate, status }),
    });
  }
}

describe.each(engines)("plans on %s", (engine) => {
  const h = useHarness(engine);

  it("gives trust staff their own plan, the national team any, and refuses the rest", async () => {
    const viewer = await h.principal("viewer.rgt@demo.realise");
    const own = await h.as(viewer).plans.list({ odsCode: "RGT" });
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.odsCode === "RGT")).toBe(true);
    expect(own.milestones.map((m) => m.id)).toEqual(defaultFramework.milestones.map((m) => m.id));
    await expect(h.as(viewer).plans.list({ odsCode: "RRU" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(viewer).plans.forecast({ odsCode: "RRU" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(null).plans.forecast({ odsCode: "RGT" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await h.as(h.role("national_analyst")).plans.forecast({ odsCode: "RRU" });
    await expect(
      h.as(viewer).plans.upsertItem({ odsCode: "RGT", expectedVersion: 0, ...item() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      h.as(h.role("national_admin")).plans.upsertItem({ odsCode: "RGT", expectedVersion: 0, ...item() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(viewer).plans.national()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(h.role("trust_approver", "RGT")).plans.national()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("adds and changes an item at the version read, audited, and refuses a stale version", async () => {
    const editor = await clearPlan(h, "RGT");
    const approver = await h.principal("approver.rgt@demo.realise");
    const created = await h.as(editor).plans.upsertItem({ odsCode: "RGT", expectedVersion: 0, ...item() });
    expect(created).toMatchObject({ version: 1, functionalityCode: "F13", targetDate: "2027-06-30" });
    const changed = await h
      .as(approver)
      .plans.upsertItem({ odsCode: "RGT", id: created.id, expectedVersion: 1, ...item({ targetLevel: 5 }) });
    expect(changed).toMatchObject({ version: 2, targetLevel: 5 });
    await expect(
      h.as(editor).plans.upsertItem({
        odsCode: "RGT",
        id: created.id,
        expectedVersion: 1,
        ...item({ targetLevel: 2 }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      h.as(editor).plans.removeItem({ odsCode: "RGT", id: created.id, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const plan = await h.as(editor).plans.list({ odsCode: "RGT" });
    expect(plan.items.find((i) => i.id === created.id)?.targetLevel).toBe(5);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_email"])
      .where("entity", "=", "plan_item")
      .where("entity_key", "=", created.id)
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "plan.create", actor_email: "editor.rgt@demo.realise" },
      { action: "plan.update", actor_email: "approver.rgt@demo.realise" },
    ]);
  });

  it("rejects bad input naming the field, and writes nothing", async () => {
    const editor = await h.principal("editor.rru@demo.realise");
    const before = (await h.as(editor).plans.list({ odsCode: "RRU" })).items.length;
    const ePma = defaultFramework.functionalities.find((f) => !f.appliesTo.includes("ambulance"))!;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ targetLevel: 7 }, "targetLevel"],
      [{ targetDate: "2027-02-30" }, "targetDate"],
      [{ status: "maybe" }, "status"],
      [{ owner: "" }, "owner"],
      [{ functionalityCode: "F999" }, "functionalityCode"],
      [{ functionalityCode: ePma.code }, "functionalityCode"],
    ];
    for (const [override, field] of cases) {
      const refused = await refusedFields(
        h.as(editor).plans.upsertItem({ odsCode: "RRU", expectedVersion: 0, ...item(override) } as never),
      );
      expect(refused).toEqual({ code: "BAD_REQUEST", fields: [field] });
    }
    const unknown = await refusedFields(
      h
        .as(editor)
        .plans.upsertItem({ odsCode: "RRU", expectedVersion: 0, ...item(), colour: "red" } as never),
    );
    expect(unknown.code).toBe("BAD_REQUEST");
    expect((await h.as(editor).plans.list({ odsCode: "RRU" })).items).toHaveLength(before);
  });

  it("forecasts the date the plan makes the trust reach each tier, and cautiously without at-risk items", async () => {
    const odsCode = "RY6";
    const editor = await clearPlan(h, odsCode);
    const empty = await h.as(editor).plans.forecast({ odsCode });
    const notAttained = empty.tiers.filter((t) => !t.attainedNow);
    expect(notAttained.length).toBeGreaterThan(0);
    expect(notAttained.every((t) => t.status === "not_planned" && t.forecastDate === null)).toBe(true);

    await planEverything(h, odsCode, "2027-12-31", "at_risk");
    const forecast = await h.as(editor).plans.forecast({ odsCode });
    for (const t of forecast.tiers.filter((x) => !x.attainedNow)) {
      expect(t).toMatchObject({ status: "forecast", forecastDate: "2027-12-31", cautiousForecastDate: null });
    }
    const core = forecast.milestones.find((m) => m.milestoneId === "M-CORE-2026")!;
    if (!core.attainedNow) {
      expect(core).toMatchObject({
        forecastDate: "2027-12-31",
        slippageDays: daysBetween("2026-03-31", "2027-12-31"),
        late: true,
      });
    }
  });

  it("shows plan against actual: reached, due, and overdue with its slippage in days", async () => {
    const odsCode = "RP4";
    const editor = await clearPlan(h, odsCode);
    const plan = await h.as(editor).plans.list({ odsCode });
    const low = plan.functionalities.find((f) => f.level < 3)!;
    const high = plan.functionalities.find((f) => f.level >= 3)!;
    // Planned in the new year, for the end of January.
    await on("2026-01-01", () =>
      h.as(editor).plans.upsertItem({
        odsCode,
        expectedVersion: 0,
        ...item({ functionalityCode: low.code, targetLevel: 3, targetDate: "2026-01-31", status: "done" }),
      }),
    );
    // An item the trust has reached since it was planned (no new item may plan a level already reached).
    await h.database.db
      .insertInto("plan_item")
      .values({
        id: "reached-since",
        ods_code: odsCode,
        functionality_code: high.code,
        target_level: 3,
        target_date: "2026-01-31",
        owner: "CCIO",
        status: "in_progress",
      })
      .execute();
    await h.as(editor).plans.upsertItem({
      odsCode,
      expectedVersion: 0,
      ...item({
        functionalityCode: low.code,
        targetLevel: 4,
        targetDate: "2099-03-31",
        status: "not_started",
      }),
    });
    const after = await h.as(editor).plans.list({ odsCode });
    const overdue = after.items.find((i) => i.functionalityCode === low.code && i.targetLevel === 3)!;
    expect(overdue).toMatchObject({
      state: "overdue",
      currentLevel: low.level,
      slippageDays: daysBetween("2026-01-31", after.today),
      doneButNotReached: true,
    });
    expect(after.items.find((i) => i.functionalityCode === high.code)).toMatchObject({
      state: "reached",
      slippageDays: 0,
    });
    expect(after.items.find((i) => i.targetDate === "2099-03-31")).toMatchObject({
      state: "due",
      slippageDays: 0,
    });
  });

  it("rolls plans up against the roadmap by region and ICB, with the trusts at risk", async () => {
    const analyst = h.role("national_analyst");
    const before = await h.as(analyst).plans.national();
    expect(before.trusts).toBe(202);
    expect(before.trustsWithPlan).toBeGreaterThan(100);
    expect(before.milestones.map((m) => m.milestoneId)).toEqual(defaultFramework.milestones.map((m) => m.id));
    for (const m of before.milestones) {
      expect(m.byRegion.reduce((s, r) => s + r.eligible, 0)).toBe(m.eligible);
      expect(m.byIcb.reduce((s, r) => s + r.eligible, 0)).toBe(m.eligible);
      expect(m.byRegion.reduce((s, r) => s + r.metByTarget, 0)).toBe(m.metByTarget);
      expect(m.atRisk.length).toBe(m.eligible - m.metByTarget);
    }
    const core = before.milestones.find((m) => m.milestoneId === "M-CORE-2026")!;
    // A trust at risk of missing the core level plans everything before the milestone date.
    const target = core.atRisk.find((t) => ["RGT", "RR8", "RXT", "RRU", "RY6", "RP4"].includes(t.odsCode));
    expect(target).toBeDefined();
    const odsCode = target!.odsCode;
    const org = await h.as(analyst).organisations.byOdsCode({ odsCode });
    const editor = await clearPlan(h, odsCode);
    const fw = defaultFramework.functionalities.filter((f) =>
      f.appliesTo.includes(org.trustType as TrustType),
    );
    const dash = await h.as(analyst).adoption.forOrganisation({ odsCode });
    for (const f of fw) {
      const level = dash.records.find((r) => r.functionalityCode === f.code)?.level ?? 0;
      if (level >= 5) continue;
      await on("2026-01-15", () =>
        h.as(editor).plans.upsertItem({
          odsCode,
          expectedVersion: 0,
          ...item({ functionalityCode: f.code, targetLevel: 5, targetDate: "2026-02-28" }),
        }),
      );
    }
    const after = await h.as(analyst).plans.national();
    const coreAfter = after.milestones.find((m) => m.milestoneId === "M-CORE-2026")!;
    expect(coreAfter.metByTarget).toBe(core.metByTarget + 1);
    expect(coreAfter.atRisk.some((t) => t.odsCode === odsCode)).toBe(false);
    const region = coreAfter.byRegion.find((r) => r.key === org.region)!;
    const regionBefore = core.byRegion.find((r) => r.key === org.region)!;
    expect(region.metByTarget).toBe(regionBefore.metByTarget + 1);
    expect(region.shareByTarget).toBeCloseTo(region.metByTarget / region.eligible);
  });

  it("gives a milestone the same status on the national overview as on the benefits and plans page", async () => {
    const analyst = h.as(h.role("national_analyst"));
    const day = "2026-01-15"; // before the core milestone's date, so plans decide whether it is on track
    const before = await on(day, () => analyst.plans.national());
    const core = before.milestones.find((m) => m.milestoneId === "M-CORE-2026")!;
    // The ICB with the fewest trusts short of the core level: its plans are made to meet it in time.
    const short = new Map<string, string[]>();
    for (const t of core.atRisk) {
      const org = await analyst.organisations.byOdsCode({ odsCode: t.odsCode });
      if (org.icbCode) short.set(org.icbCode, [...(short.get(org.icbCode) ?? []), t.odsCode]);
    }
    const [icbCode, trusts] = [...short.entries()].sort((a, b) => a[1].length - b[1].length)[0]!;
    const statuses = async () => {
      const plans = await on(day, () => analyst.plans.national());
      const overview = await on(day, () => analyst.national.overview({ icbCode }));
      return plans.milestones.map((m) => ({
        id: m.milestoneId,
        plans: m.byIcb.find((g) => g.key === icbCode)?.status,
        overview: overview.milestones.find((o) => o.id === m.milestoneId)?.status,
      }));
    };
    const was = await statuses();
    for (const s of was) expect(s.overview).toBe(s.plans);
    expect(was.find((s) => s.id === "M-CORE-2026")!.plans).toBe("off_track");

    for (const odsCode of trusts) {
      const editor = h.role("trust_editor", odsCode);
      const plan = await h.as(editor).plans.list({ odsCode });
      for (const i of plan.items)
        await h.as(editor).plans.removeItem({ odsCode, id: i.id, expectedVersion: i.version });
      for (const f of plan.functionalities.filter((x) => x.level < 5))
        await on(day, () =>
          h.as(editor).plans.upsertItem({
            odsCode,
            expectedVersion: 0,
            ...item({ functionalityCode: f.code, targetLevel: 5, targetDate: "2026-02-28" }),
          }),
        );
    }
    const now = await statuses();
    for (const s of now) expect(s.overview).toBe(s.plans);
    // Without the plans the overview would call it off track: it reads the same forecasts as the plans page.
    expect(now.find((s) => s.id === "M-CORE-2026")!.overview).toBe("on_track");
  });
});
