import { periodOf, previousPeriod, rollUp } from "@realise/domain";
import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";
import { blankAdoption as blank } from "./support/inputs.js";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(engines)("national views on %s", (engine) => {
  const h = useHarness(engine);
  const analyst = () => h.role("national_analyst");

  it("counts every trust once: EPR status, tiers and each grouping add up to the registry", async () => {
    const o = await h.as(analyst()).national.overview();
    const registry = await h.as(null).registry.summary();
    expect(o.trusts).toBe(202);
    expect(sum(o.eprStatus.map((s) => s.count))).toBe(202);
    for (const s of o.eprStatus) {
      expect(s.count).toBe(registry.byEprStatus.find((r) => r.key === s.status)?.count ?? 0);
    }
    const live = o.eprStatus.find((s) => s.status === "live")!.count;
    expect(o.withoutLiveEpr).toHaveLength(202 - live);
    expect(o.withoutLiveEpr.every((t) => t.eprStatus !== "live")).toBe(true);
    expect(sum(o.tierCounts)).toBe(202);
    for (const dimension of ["region", "icb", "trustType", "supplier"] as const) {
      expect(sum(o.groups[dimension].map((g) => g.trusts))).toBe(202);
      for (const g of o.groups[dimension]) expect(sum(g.tierCounts)).toBe(g.trusts);
    }
  });

  it("gives the same distributions in SQL as the domain's rollUp over the tier rows", async () => {
    const o = await h.as(analyst()).national.overview();
    const rows = await h.database.db
      .selectFrom("organisation as o")
      .innerJoin("organisation_tier as t", "t.ods_code", "o.ods_code")
      .select([
        "o.trust_type as trustType",
        "t.attained_tier as attainedTier",
        "t.progress_to_next as progressToNext",
      ])
      .execute();
    const domain = rollUp(rows, (r) => r.trustType);
    for (const group of domain) {
      const sql = o.groups.trustType.find((g) => g.key === group.group)!;
      expect(sql.trusts).toBe(group.count);
      expect(sql.tierCounts.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5].map((n) => group.tierCounts![n as 0]));
      expect(sql.progress!.median).toBeCloseTo(group.progress!.median, 9);
      expect(sql.progress!.q1).toBeCloseTo(group.progress!.q1, 9);
      expect(sql.progress!.q3).toBeCloseTo(group.progress!.q3, 9);
    }
  });

  it("filters by trust type, region, ICB and supplier", async () => {
    const caller = h.as(analyst());
    const ambulance = await caller.national.overview({ trustType: "ambulance" });
    expect(ambulance.trusts).toBe(10);
    expect(ambulance.groups.trustType.map((g) => g.key)).toEqual(["ambulance"]);
    const nwSpecialist = await caller.national.overview({ region: "North West", trustType: "specialist" });
    expect(nwSpecialist.trusts).toBe(5);
    const icb = await caller.national.overview({ icbCode: "que", asOf: "2025-06-01" });
    expect(icb.groups.icb.map((g) => g.key)).toEqual(["QUE"]);
    expect(icb.trusts).toBeGreaterThan(0);
    const supplier = (await caller.national.overview()).groups.supplier.find((g) => g.key !== null)!;
    const bySupplier = await caller.national.overview({ eprSupplier: supplier.key! });
    expect(bySupplier.trusts).toBe(supplier.trusts);
  });

  it("measures each roadmap milestone and lists the trusts not meeting it", async () => {
    const ov = await h.as(analyst()).national.overview();
    const epr = ov.milestones.find((m) => m.measure === "epr_live")!;
    const live = ov.eprStatus.find((s) => s.status === "live")!.count;
    expect(epr.eligible).toBe(202);
    expect(epr.metNow).toBe(live);
    expect(epr.atRiskTotal).toBe(202 - live);
    expect(epr.atRisk.every((t) => t.eprStatus !== "live")).toBe(true);
    expect(epr.status).toBe(live === 202 ? "met" : "missed");
    const core = ov.milestones.find((m) => m.measure === "tier_at_least")!;
    const atOrAbove = sum(ov.tierCounts.slice(core.tier!));
    expect(core.metNow).toBe(atOrAbove);
    expect(core.atRisk.every((t) => t.attainedTier < core.tier!)).toBe(true);
  });

  it("returns the heatmap as a compact matrix matching the records, -1 where not applicable", async () => {
    const map = await h.as(analyst()).national.heatmap({ trustType: "ambulance" });
    expect(map.trusts).toHaveLength(10);
    expect(map.levels).toHaveLength(map.trusts.length * map.functionalities.length);
    expect(map.levels.some((l) => l === -1)).toBe(true);
    const i = map.trusts.findIndex((t) => t.odsCode === "RRU");
    const records = await h.database.db
      .selectFrom("adoption_record")
      .select(["functionality_code", "level"])
      .where("ods_code", "=", "RRU")
      .execute();
    const framework = await h.as(analyst()).framework.current();
    const applies = (code: string) =>
      framework.functionalities.find((f) => f.code === code)?.appliesTo.includes("ambulance") ?? false;
    let compared = 0;
    for (const r of records) {
      const j = map.functionalities.findIndex((f) => f.code === r.functionality_code);
      const cell = map.levels[i * map.functionalities.length + j];
      expect(cell).toBe(applies(r.functionality_code) ? r.level : -1);
      if (cell !== -1) compared++;
    }
    expect(compared).toBeGreaterThan(5);
    map.functionalities.forEach((f, j) => {
      if (!applies(f.code)) expect(map.levels[i * map.functionalities.length + j]).toBe(-1);
    });
    const tier1 = await h.as(analyst()).national.heatmap({ trustType: "ambulance", tier: 1 });
    expect(tier1.functionalities.every((f) => f.tier === 1)).toBe(true);
  });

  it("filters the heatmap's trusts by attained tier and sorts its rows, keeping each row's levels", async () => {
    const byName = await h.as(analyst()).national.heatmap({ region: "London" });
    const byTier = await h.as(analyst()).national.heatmap({ region: "London", sort: "tier" });
    expect(byName.trusts.map((t) => t.name)).toEqual(
      [...byName.trusts.map((t) => t.name)].sort((a, b) => a.localeCompare(b)),
    );
    const tiers = byTier.trusts.map((t) => t.attainedTier);
    expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
    expect(byTier.trusts).toHaveLength(byName.trusts.length);
    const w = byName.functionalities.length;
    const rowOf = (map: typeof byName, ods: string) => {
      const i = map.trusts.findIndex((t) => t.odsCode === ods);
      return map.levels.slice(i * w, (i + 1) * w);
    };
    for (const t of byName.trusts.slice(0, 5))
      expect(rowOf(byTier, t.odsCode)).toEqual(rowOf(byName, t.odsCode));
    expect(byName.trusts.every((t) => t.region === "London")).toBe(true);
    const tier = tiers[0] ?? 0;
    const atTier = await h.as(analyst()).national.heatmap({ region: "London", trustTier: tier });
    expect(atTier.trusts.length).toBe(tiers.filter((x) => x === tier).length);
    expect(atTier.trusts.every((t) => t.attainedTier === tier)).toBe(true);
    await expect(h.as(analyst()).national.heatmap({ sort: "ods" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Sort"),
    });
  });

  it("reflects a trust's update on the next read", async () => {
    const editor = await h.principal("editor.rr8@demo.realise");
    const before = await h.as(analyst()).national.heatmap({ region: "North East and Yorkshire" });
    const i = before.trusts.findIndex((t) => t.odsCode === "RR8");
    const j = before.functionalities.findIndex((f) => f.code === "F13");
    expect(i).toBeGreaterThanOrEqual(0);
    const dash = await h.as(editor).adoption.forOrganisation({ odsCode: "RR8" });
    const record = dash.records.find((r) => r.functionalityCode === "F13");
    const result = await h.as(editor).adoption.update({
      odsCode: "RR8",
      functionalityCode: "F13",
      expectedVersion: record?.version ?? 0,
      values: { ...blank, coveragePct: 0 },
    });
    const after = await h.as(analyst()).national.heatmap({ region: "North East and Yorkshire" });
    expect(after.levels[i * after.functionalities.length + j]).toBe(result.record.level);
    const ov = await h.as(analyst()).national.overview({ region: "North East and Yorkshire" });
    expect(ov.withoutLiveEpr.length + ov.eprStatus.find((s) => s.status === "live")!.count).toBe(ov.trusts);
  });

  it("allows national roles only, and names a bad field", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    await expect(h.as(editor).national.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(editor).national.heatmap()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(null).national.overview()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // The demo's four ended quarters are published official figures.
    expect(await h.as(h.role("national_admin")).national.trends()).toHaveLength(4);
    await expect(h.as(analyst()).national.overview({ trustType: "hospital" } as never)).rejects.toMatchObject(
      { code: "BAD_REQUEST", message: expect.stringContaining("trustType") },
    );
    await expect(h.as(analyst()).national.heatmap({ tier: 9 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("tier"),
    });
  });
});

describe.each(engines)("validating returns on %s", (engine) => {
  const h = useHarness(engine);
  const period = periodOf(new Date(), "quarter");
  const earlier = previousPeriod(period);

  it("queues a submitted return, compares it with the previous period and flags large changes", async () => {
    const approver = await h.principal("approver.rgt@demo.realise");
    const editor = await h.principal("editor.rgt@demo.realise");
    const admin = h.role("national_admin");
    // The demo accepted RGT's return for the previous quarter; it does not lock this quarter's editing.
    const previous = await h.as(admin).returns.detail({ odsCode: "RGT", period: earlier });
    expect(previous.status).toBe("accepted");
    const dash = await h.as(editor).adoption.forOrganisation({ odsCode: "RGT" });
    const low = dash.records.find((r) => r.coveragePct !== null && r.coveragePct < 60)!;
    expect(low).toBeDefined();
    await h.as(editor).adoption.update({
      odsCode: "RGT",
      functionalityCode: low.functionalityCode,
      expectedVersion: low.version,
      values: { ...blank, coveragePct: 100 },
    });
    await h.as(approver).returns.submit({ odsCode: "RGT", period });

    const queue = await h.as(h.role("national_analyst")).returns.queue({ period });
    expect(queue.map((r) => r.odsCode)).toEqual(["RGT"]);
    const periods = await h.as(admin).returns.periods();
    expect(periods.find((p) => p.period === period)).toMatchObject({ submitted: 1 });
    expect(periods.find((p) => p.period === earlier)?.accepted).toBeGreaterThan(100);

    const cmp = await h.as(admin).returns.compare({ odsCode: "RGT", period });
    expect(cmp.previousSource).toBe("return");
    expect(cmp.previousPeriod).toBe(earlier);
    const row = cmp.rows.find((r) => r.functionalityCode === low.functionalityCode)!;
    expect(row.current?.coveragePct).toBe(100);
    const previousRecords = (
      previous.payload as { records: Array<{ functionalityCode: string; coveragePct: number | null }> }
    ).records;
    expect(row.previous?.coveragePct).toBe(
      previousRecords.find((r) => r.functionalityCode === low.functionalityCode)!.coveragePct,
    );
    expect(row.largeChanges.join(" ")).toContain("Coverage up");
    expect(cmp.largeChangeCount).toBeGreaterThanOrEqual(1);
    expect(cmp.audit[0]).toMatchObject({ action: "return.submit" });

    // Its own trust may see the comparison; another trust may not.
    await expect(h.as(editor).returns.compare({ odsCode: "RGT", period })).resolves.toBeTruthy();
    const other = await h.principal("editor.rr8@demo.realise");
    await expect(h.as(other).returns.compare({ odsCode: "RGT", period })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("accepts, refuses a second decision, unlocks, and audits each action", async () => {
    const admin = await h.principal("admin@demo.realise");
    const editor = await h.principal("editor.rgt@demo.realise");
    const current = (await h.as(admin).returns.queue({ period }))[0]!;
    await expect(
      h.as(h.role("national_analyst")).returns.accept({ odsCode: "RGT", period }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      h.as(admin).returns.accept({ odsCode: "RGT", period, expectedVersion: current.version + 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const accepted = await h
      .as(admin)
      .returns.accept({ odsCode: "RGT", period, expectedVersion: current.version });
    expect(accepted).toMatchObject({ status: "accepted", decidedBy: "admin@demo.realise" });
    await expect(
      h.as(admin).returns.sendBack({ odsCode: "RGT", period, comment: "late" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await h.as(admin).returns.queue({ period })).toEqual([]);

    // Accepted for this quarter: the trust's records are validated and locked.
    const dash = await h.as(editor).adoption.forOrganisation({ odsCode: "RGT" });
    expect(dash.records.every((r) => r.validationState === "validated")).toBe(true);
    const rec = dash.records[0]!;
    const edit = () =>
      h.as(editor).adoption.update({
        odsCode: "RGT",
        functionalityCode: rec.functionalityCode,
        expectedVersion: rec.version,
        values: { ...blank, coveragePct: 12 },
      });
    await expect(edit()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    const unlocked = await h
      .as(admin)
      .returns.unlock({ odsCode: "RGT", period, comment: "Correction requested" });
    expect(unlocked.status).toBe("unlocked");
    await expect(edit()).resolves.toMatchObject({ record: { coveragePct: 12 } });

    const cmp = await h.as(admin).returns.compare({ odsCode: "RGT", period });
    expect(cmp.return.status).toBe("unlocked");
    expect(cmp.audit.map((a) => a.action)).toEqual(["return.unlock", "return.accept", "return.submit"]);
    expect(cmp.audit[0]).toMatchObject({ actorEmail: "admin@demo.realise" });
  });

  it("sends a return back with a required comment, and the trust can edit again", async () => {
    const approver = await h.principal("approver.rr8@demo.realise");
    const editor = await h.principal("editor.rr8@demo.realise");
    const admin = h.role("national_admin");
    await h.as(approver).returns.submit({ odsCode: "RR8", period });
    await expect(
      h.as(admin).returns.sendBack({ odsCode: "RR8", period, comment: "  " }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("comment") });
    const back = await h
      .as(admin)
      .returns.sendBack({ odsCode: "RR8", period, comment: "Evidence for eObs please" });
    expect(back).toMatchObject({ status: "returned", comment: "Evidence for eObs please" });
    const mine = await h.as(editor).returns.forOrganisation({ odsCode: "RR8" });
    expect(mine[0]).toMatchObject({ status: "returned", comment: "Evidence for eObs please" });
    const dash = await h.as(editor).adoption.forOrganisation({ odsCode: "RR8" });
    const rec = dash.records[0]!;
    await expect(
      h.as(editor).adoption.update({
        odsCode: "RR8",
        functionalityCode: rec.functionalityCode,
        expectedVersion: rec.version,
        values: { ...blank, coveragePct: 20 },
      }),
    ).resolves.toMatchObject({ record: { coveragePct: 20 } });
    // Compared with the previous quarter's accepted return (from the demo history).
    const cmp = await h.as(admin).returns.compare({ odsCode: "RR8", period });
    expect(cmp.previousSource).toBe("return");
    expect(cmp.previousPeriod).toBe(earlier);
  });
});
