import { benefitProgress, defaultFramework, periodOf, previousPeriod } from "@realise/domain";
import { describe, expect, it } from "vitest";
import { engines, type Harness, useHarness } from "./support/harness.js";

const blankAdoption = {
  coveragePct: null,
  usageNumerator: null,
  usageDenominator: null,
  measurementWindowStart: null,
  measurementWindowEnd: null,
  paperRetired: false,
  plannedGoLive: null,
  claimedLevel: null,
  claimReason: null,
  evidence: [],
  notes: "",
};

/** A valid register line; tests override what they exercise. */
function lineFields(overrides: Record<string, unknown> = {}) {
  return {
    benefitTypeCode: "B01",
    title: "Fewer medication errors on the wards",
    benefitClass: "quantitative_non_monetised" as const,
    isDisbenefit: false,
    owner: "Chief Pharmacist",
    metric: "Medication errors",
    unit: "errors per 1,000 administrations",
    direction: "decrease" as const,
    baseline: { value: 10, date: "2025-04-01", source: "Incident reports 2024/25" },
    target: { value: 5, date: "2027-03-31" },
    trajectory: [{ date: "2026-03-31", value: 7.5 }],
    confidence: "medium" as const,
    status: "in_progress" as const,
    enablingFunctionalities: [] as string[],
    fullYearValueGbp: null as number | null,
    attributionPct: 100,
    doubleCountGroup: null as string | null,
    evidence: null as string | null,
    ...overrides,
  };
}

/** The fields a refusal names, as dotted paths (the HTTP error formatter prefixes messages with these). */
async function refusedFields(call: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code: string; cause?: { issues?: Array<{ path: PropertyKey[] }> } };
    return { code: e.code, fields: (e.cause?.issues ?? []).map((i) => i.path.map(String).join(".")) };
  }
  throw new Error("Expected the call to be refused");
}

const duePeriod = () => previousPeriod(periodOf(new Date(), "quarter"));
const benefitBearing = new Set(defaultFramework.benefitTypes.flatMap((b) => b.enablingFunctionalities));

async function setEmbedded(h: Harness, odsCode: string, code: string) {
  const editor = await h.principal(`editor.${odsCode.toLowerCase()}@demo.realise`);
  const dash = await h.as(h.role("national_analyst")).adoption.forOrganisation({ odsCode });
  const record = dash.records.find((r) => r.functionalityCode === code);
  return h.as(editor).adoption.update({
    odsCode,
    functionalityCode: code,
    expectedVersion: record?.version ?? 0,
    values: {
      ...blankAdoption,
      coveragePct: 100,
      usageNumerator: 1000,
      usageDenominator: 1000,
      paperRetired: true,
    },
  });
}

/** A benefit-bearing functionality that applies to the trust and that no line of its register tracks. */
async function untrackedFunctionality(h: Harness, odsCode: string, exclude: string[] = []) {
  const dash = await h.as(h.role("national_analyst")).adoption.forOrganisation({ odsCode });
  const register = await h.as(h.role("national_analyst")).benefits.list({ odsCode });
  const tracked = new Set(register.lines.flatMap((l) => l.enablingFunctionalities));
  const f = defaultFramework.functionalities.find(
    (x) =>
      x.appliesTo.includes(dash.organisation.trustType as never) &&
      benefitBearing.has(x.code) &&
      !tracked.has(x.code) &&
      !dash.records.some((r) => r.functionalityCode === x.code && r.benefitMeasured) &&
      !exclude.includes(x.code),
  );
  if (!f) throw new Error(`No untracked functionality at ${odsCode}`);
  return f.code;
}

describe.each(engines)("benefits on %s", (engine) => {
  const h = useHarness(engine);

  it("gives trust staff their own register, the national team any, and refuses the rest", async () => {
    const viewer = await h.principal("viewer.rgt@demo.realise");
    const own = await h.as(viewer).benefits.list({ odsCode: "RGT" });
    expect(own.lines.length).toBeGreaterThan(0);
    expect(own.lines.every((l) => l.odsCode === "RGT")).toBe(true);
    await expect(h.as(viewer).benefits.list({ odsCode: "RRU" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(null).benefits.list({ odsCode: "RGT" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const analyst = await h.as(h.role("national_analyst")).benefits.list({ odsCode: "RRU" });
    expect(analyst.lines.every((l) => l.odsCode === "RRU")).toBe(true);

    await expect(h.as(viewer).benefits.create({ odsCode: "RGT", line: lineFields() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      h.as(h.role("national_admin")).benefits.create({ odsCode: "RGT", line: lineFields() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const editor = await h.principal("editor.rgt@demo.realise");
    await expect(h.as(editor).benefits.create({ odsCode: "RRU", line: lineFields() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(editor).benefits.national()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(viewer).benefits.previewImport({ odsCode: "RGT", csv: "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("adds a line and records actuals by period, with progress by the domain rules and an audit row each", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    const created = await h.as(editor).benefits.create({ odsCode: "RGT", line: lineFields() });
    expect(created.version).toBe(1);
    expect(created.baseline).toEqual({ value: 10, date: "2025-04-01", source: "Incident reports 2024/25" });
    const first = await h.as(editor).benefits.recordActual({
      odsCode: "RGT",
      id: created.id,
      expectedVersion: 1,
      period: "2025/26 Q2",
      value: 9,
    });
    const second = await h.as(editor).benefits.recordActual({
      odsCode: "RGT",
      id: created.id,
      expectedVersion: first.version,
      period: "2025/26 Q4",
      value: 7,
      source: "Datix",
    });
    expect(second.version).toBe(3);
    expect(second.actuals.map((a) => [a.period, a.value])).toEqual([
      ["2025/26 Q2", 9],
      ["2025/26 Q4", 7],
    ]);
    const line = await h.as(editor).benefits.get({ odsCode: "RGT", id: created.id });
    expect(line.progress).toEqual(benefitProgress(line));
    expect(line.progress.progress).toBeCloseTo(0.6);
    expect(line.progress.latestPeriod).toBe("2025/26 Q4");
    // 7 against a planned 7.5 at 31 March 2026: ahead for a metric that should fall.
    expect(line.progress.onTrack).toBe(true);

    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_email"])
      .where("entity", "=", "benefit_line")
      .where("entity_key", "=", created.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["benefit.create", "benefit.actual", "benefit.actual"]);
    expect(audit.every((a) => a.actor_email === "editor.rgt@demo.realise")).toBe(true);
  });

  it("refuses a stale version with CONFLICT and keeps the first writer's value", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    const approver = await h.principal("approver.rgt@demo.realise");
    const created = await h.as(editor).benefits.create({ odsCode: "RGT", line: lineFields() });
    await h.as(approver).benefits.update({
      odsCode: "RGT",
      id: created.id,
      expectedVersion: 1,
      line: lineFields({ owner: "Director of Nursing" }),
    });
    await expect(
      h.as(editor).benefits.update({
        odsCode: "RGT",
        id: created.id,
        expectedVersion: 1,
        line: lineFields({ owner: "Someone else" }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      h.as(editor).benefits.recordActual({
        odsCode: "RGT",
        id: created.id,
        expectedVersion: 1,
        period: "2025/26 Q1",
        value: 9,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const line = await h.as(editor).benefits.get({ odsCode: "RGT", id: created.id });
    expect(line.owner).toBe("Director of Nursing");
    expect(line.actuals).toEqual([]);
    expect(line.version).toBe(2);
  });

  it("rejects bad input naming the field, and writes nothing", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    const before = (await h.as(editor).benefits.list({ odsCode: "RGT" })).lines.length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ target: { value: 12, date: "2027-03-31" } }, "line.target.value"],
      [{ target: { value: 5, date: "2024-01-01" } }, "line.target.date"],
      [{ benefitClass: "priceless" }, "line.benefitClass"],
      [{ attributionPct: 140 }, "line.attributionPct"],
      [{ benefitTypeCode: "B99" }, "line.benefitTypeCode"],
      [{ enablingFunctionalities: ["F999"] }, "line.enablingFunctionalities.0"],
      [{ colour: "blue" }, "line"],
    ];
    for (const [override, field] of cases) {
      const refused = await refusedFields(
        h.as(editor).benefits.create({ odsCode: "RGT", line: lineFields(override) as never }),
      );
      expect(refused).toEqual({ code: "BAD_REQUEST", fields: [field] });
    }
    const created = await h.as(editor).benefits.create({ odsCode: "RGT", line: lineFields() });
    expect(
      await refusedFields(
        h.as(editor).benefits.recordActual({
          odsCode: "RGT",
          id: created.id,
          expectedVersion: 1,
          period: "2099/01 Q1",
          value: 1,
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", fields: ["period"] });
    await expect(
      h.as(editor).benefits.recordActual({
        odsCode: "RGT",
        id: created.id,
        expectedVersion: 1,
        period: "2090/91 Q1",
        value: 1,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("has not started") });
    const after = await h.as(editor).benefits.list({ odsCode: "RGT" });
    expect(after.lines).toHaveLength(before + 1);
    expect(after.lines.find((l) => l.id === created.id)?.actuals).toEqual([]);
  });

  it("marks a linked functionality's benefit measured, re-derives its level and refreshes the tier in one transaction", async () => {
    const odsCode = "RP4";
    const code = await untrackedFunctionality(h, odsCode);
    const embedded = await setEmbedded(h, odsCode, code);
    expect(embedded.record.level).toBe(4);
    expect(embedded.record.benefitMeasured).toBe(false);

    const editor = await h.principal("editor.rp4@demo.realise");
    const created = await h.as(editor).benefits.create({
      odsCode,
      line: lineFields({ enablingFunctionalities: [code] }),
    });
    // A line with no actual measures nothing yet.
    let dash = await h.as(editor).adoption.forOrganisation({ odsCode });
    expect(dash.records.find((r) => r.functionalityCode === code)?.benefitMeasured).toBe(false);

    await h.as(editor).benefits.recordActual({
      odsCode,
      id: created.id,
      expectedVersion: 1,
      period: duePeriod(),
      value: 8,
    });
    dash = await h.as(editor).adoption.forOrganisation({ odsCode });
    const record = dash.records.find((r) => r.functionalityCode === code)!;
    expect(record.benefitMeasured).toBe(true);
    expect(record.level).toBe(5);
    expect(record.version).toBe(embedded.record.version + 1);
    const tier = await h.database.db
      .selectFrom("organisation_tier")
      .select("attained_tier")
      .where("ods_code", "=", odsCode)
      .executeTakeFirstOrThrow();
    expect(tier.attained_tier).toBe(dash.assessment.attainedTier);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_key", "=", `${odsCode}/${code}`)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("adoption.benefit_measured");
  });

  it("flags an embedded functionality with no benefit tracked, until a line tracks it", async () => {
    const odsCode = "RR8";
    const code = await untrackedFunctionality(h, odsCode);
    await setEmbedded(h, odsCode, code);
    const editor = await h.principal("editor.rr8@demo.realise");
    let register = await h.as(editor).benefits.list({ odsCode });
    expect(register.flags).toContainEqual(
      expect.objectContaining({ kind: "l4_without_benefit", functionalityCode: code }),
    );
    await h.as(editor).benefits.create({ odsCode, line: lineFields({ enablingFunctionalities: [code] }) });
    register = await h.as(editor).benefits.list({ odsCode });
    expect(register.flags).not.toContainEqual(
      expect.objectContaining({ kind: "l4_without_benefit", functionalityCode: code }),
    );
  });

  it("flags a benefit whose enabling functionalities are not live", async () => {
    const odsCode = "RY6";
    const editor = await h.principal("editor.ry6@demo.realise");
    const register = await h.as(editor).benefits.list({ odsCode });
    const notLive = register.functionalities.find((f) => (register.levels[f.code] ?? 0) < 2)!;
    const live = register.functionalities.find((f) => (register.levels[f.code] ?? 0) >= 2)!;
    const created = await h.as(editor).benefits.create({
      odsCode,
      line: lineFields({ enablingFunctionalities: [live.code, notLive.code] }),
    });
    const after = await h.as(editor).benefits.list({ odsCode });
    const flag = after.flags.find((f) => f.kind === "enablers_not_live" && f.line === created.id);
    expect(flag).toMatchObject({ functionalityCodes: [notLive.code] });
    // A planned benefit is not yet claimed, so it is not flagged.
    await h.as(editor).benefits.update({
      odsCode,
      id: created.id,
      expectedVersion: 1,
      line: lineFields({ status: "planned", enablingFunctionalities: [live.code, notLive.code] }),
    });
    const planned = await h.as(editor).benefits.list({ odsCode });
    expect(planned.flags.some((f) => f.kind === "enablers_not_live" && f.line === created.id)).toBe(false);
  });

  it("flags an overdue actual until the due period is recorded", async () => {
    const odsCode = "RXT";
    const editor = await h.principal("editor.rxt@demo.realise");
    const created = await h.as(editor).benefits.create({ odsCode, line: lineFields() });
    const earlier = previousPeriod(duePeriod());
    const withEarlier = await h.as(editor).benefits.recordActual({
      odsCode,
      id: created.id,
      expectedVersion: 1,
      period: earlier,
      value: 9,
    });
    let register = await h.as(editor).benefits.list({ odsCode });
    expect(register.duePeriod).toBe(duePeriod());
    expect(register.flags).toContainEqual(
      expect.objectContaining({ kind: "overdue_actual", line: created.id, duePeriod: duePeriod() }),
    );
    await h.as(editor).benefits.recordActual({
      odsCode,
      id: created.id,
      expectedVersion: withEarlier.version,
      period: duePeriod(),
      value: 8,
    });
    register = await h.as(editor).benefits.list({ odsCode });
    expect(register.flags.some((f) => f.kind === "overdue_actual" && f.line === created.id)).toBe(false);
  });

  it("counts two lines of one double-count group once, in the trust's and the nation's totals", async () => {
    const odsCode = "RRU";
    const editor = await h.principal("editor.rru@demo.realise");
    const admin = h.role("national_admin");
    const before = await h.as(editor).benefits.list({ odsCode });
    const nationBefore = await h.as(admin).benefits.national();
    const monetised = {
      benefitTypeCode: "B12",
      benefitClass: "cash_releasing",
      unit: "£ a year",
      baseline: { value: 500_000, date: "2025-04-01", source: "Ledger" },
      target: { value: 300_000, date: "2027-03-31" },
      trajectory: [],
      doubleCountGroup: "agency-test",
    };
    const big = await h.as(editor).benefits.create({
      odsCode,
      line: lineFields({ ...monetised, title: "Less agency spend", fullYearValueGbp: 100_000 }),
    });
    const small = await h.as(editor).benefits.create({
      odsCode,
      line: lineFields({ ...monetised, title: "Fewer transcription posts", fullYearValueGbp: 60_000 }),
    });
    const after = await h.as(editor).benefits.list({ odsCode });
    expect(after.totals.expectedGbp - before.totals.expectedGbp).toBeCloseTo(100_000);
    expect(after.totals.excludedLines).toContainEqual({
      line: small.id,
      group: "agency-test",
      countedInstead: big.id,
    });
    expect(after.flags).toContainEqual(
      expect.objectContaining({ kind: "double_count", group: "agency-test", lines: [big.id, small.id] }),
    );
    const nation = await h.as(admin).benefits.national();
    expect(nation.totals.expectedGbp - nationBefore.totals.expectedGbp).toBeCloseTo(100_000);
    expect(nation.totals.lines - nationBefore.totals.lines).toBe(2);
  });

  it("rolls benefits up by type, class, region, ICB and supplier, each adding up to the national total", async () => {
    const analyst = h.role("national_analyst");
    const nation = await h.as(analyst).benefits.national();
    expect(nation.totals.trustsTracking).toBeGreaterThan(100);
    expect(nation.totals.expectedGbp).toBeGreaterThan(0);
    expect(nation.totals.realisedGbp).toBeLessThanOrEqual(nation.totals.expectedGbp);
    for (const rows of [nation.byType, nation.byClass, nation.byRegion, nation.byIcb, nation.bySupplier]) {
      const sum = rows.reduce((s, r) => s + r.expectedGbp, 0);
      expect(sum).toBeCloseTo(nation.totals.expectedGbp, 2);
      expect(rows.reduce((s, r) => s + r.lines, 0)).toBe(nation.totals.lines);
    }
    expect(nation.byType.map((r) => r.key).sort()).toEqual(
      defaultFramework.benefitTypes.map((b) => b.code).sort(),
    );
    const b01 = nation.byType.find((r) => r.key === "B01")!;
    const trustsWithB01 = await h.database.db
      .selectFrom("benefit_line")
      .select((eb) => eb.fn.count<string>("ods_code").distinct().as("n"))
      .where("benefit_type_code", "=", "B01")
      .executeTakeFirstOrThrow();
    expect(b01.trusts).toBe(Number(trustsWithB01.n));
  });

  it("previews a CSV of actuals with each bad row named and its reason, writing nothing until accepted", async () => {
    const odsCode = "RGT";
    const editor = await h.principal("editor.rgt@demo.realise");
    const a = await h.as(editor).benefits.create({ odsCode, line: lineFields({ title: "Import A" }) });
    const b = await h.as(editor).benefits.create({ odsCode, line: lineFields({ title: "Import B" }) });
    const template = await h.as(editor).benefits.importTemplate({ odsCode });
    expect(template.split(/\r?\n/)[0]).toBe("benefit_id,title,period,value,source");
    expect(template).toContain(a.id);

    const auditCount = async () =>
      Number(
        (
          await h.database.db
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const csv = [
      "benefit_id,title,period,value,source",
      `${a.id},Import A,2025/26 Q1,9.5,Datix`,
      `${b.id},Import B,2025/26 Q2,"1,200",`,
      `nope,,2025/26 Q1,3,`,
      `${a.id},Import A,2025/27,3,`,
      `${a.id},Import A,2025/26 Q3,lots,`,
      `${b.id},Import B,2090/91 Q1,3,`,
      `${a.id},Import A,2025/26 Q1,9,`,
      `${b.id},Import B,2025/26 Q3,,`,
    ].join("\n");
    const audits = await auditCount();
    const preview = await h.as(editor).benefits.previewImport({ odsCode, csv });
    expect(preview.total).toBe(8);
    expect(preview.rows.map((r) => [r.row, r.benefitId, r.period, r.value])).toEqual([
      [2, a.id, "2025/26 Q1", 9.5],
      [3, b.id, "2025/26 Q2", 1200],
    ]);
    expect(preview.errors).toEqual([
      { row: 4, field: "benefit_id", reason: `Trust RGT has no benefit line nope` },
      { row: 5, field: "period", reason: expect.stringContaining("second year") },
      { row: 6, field: "value", reason: 'Value must be a number, not "lots"' },
      { row: 7, field: "period", reason: "2090/91 Q1 has not started yet" },
      { row: 8, field: "period", reason: "Row 2 already gives 2025/26 Q1 for this benefit" },
      { row: 9, field: "value", reason: "Value is required" },
    ]);
    expect(await auditCount()).toBe(audits);

    const refused = await refusedFields(h.as(editor).benefits.commitImport({ odsCode, csv }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.fields).toEqual([
      "row 4.benefit_id",
      "row 5.period",
      "row 6.value",
      "row 7.period",
      "row 8.period",
      "row 9.value",
    ]);
    expect(await auditCount()).toBe(audits);
    expect((await h.as(editor).benefits.get({ odsCode, id: a.id })).actuals).toEqual([]);

    const good = ["benefit_id,title,period,value,source", ...csv.split("\n").slice(1, 3)].join("\n");
    const committed = await h.as(editor).benefits.commitImport({ odsCode, csv: good });
    expect(committed).toEqual({ imported: 2, lines: 2 });
    const afterA = await h.as(editor).benefits.get({ odsCode, id: a.id });
    expect(afterA.actuals.map((x) => [x.period, x.value, x.source])).toEqual([["2025/26 Q1", 9.5, "Datix"]]);
    expect(afterA.version).toBe(2);
    expect(await auditCount()).toBe(audits + 2);

    const missing = await h.as(editor).benefits.previewImport({ odsCode, csv: "id,when\n1,2" });
    expect(missing.errors.map((e) => e.field)).toEqual(["benefit_id", "period", "value"]);
    // Another trust's line is not this trust's to import into.
    const other = (await h.as(h.role("national_analyst")).benefits.list({ odsCode: "RRU" })).lines[0]!;
    const cross = await h
      .as(editor)
      .benefits.previewImport({ odsCode, csv: `benefit_id,period,value\n${other.id},2025/26 Q1,1` });
    expect(cross.errors).toEqual([
      { row: 2, field: "benefit_id", reason: `Trust RGT has no benefit line ${other.id}` },
    ]);
  });

  it("exports the register as CSV, with spreadsheet formulae neutralised", async () => {
    const odsCode = "RGT";
    const editor = await h.principal("editor.rgt@demo.realise");
    await h.as(editor).benefits.create({ odsCode, line: lineFields({ title: "=HYPERLINK(1)" }) });
    const csv = await h.as(editor).benefits.exportCsv({ odsCode });
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toMatch(/^id,benefit_type,title,class,/);
    const register = await h.as(editor).benefits.list({ odsCode });
    expect(lines).toHaveLength(register.lines.length + 1);
    expect(csv).toContain("'=HYPERLINK(1)");
    expect(csv).not.toContain(",=HYPERLINK");
  });
});
