import { currentFramework } from "@realise/db";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";
import { badRequest } from "./support/inputs.js";

describe.each(engines)("framework administration on %s", (engine) => {
  const h = useHarness(engine);
  const admin = () => h.as(h.role("national_admin"));

  async function draft() {
    const list = await admin().frameworks.list();
    const d = list.find((v) => v.status === "draft");
    if (!d) throw new Error("no draft");
    return admin().frameworks.get({ version: d.version });
  }

  it("refuses every write to trust roles and the analyst, and lets the analyst read", async () => {
    const principals = [
      await h.principal("editor.rgt@demo.realise"),
      await h.principal("approver.rgt@demo.realise"),
      await h.principal("viewer.rgt@demo.realise"),
      await h.principal("analyst@demo.realise"),
    ];
    for (const p of principals) {
      await expect(h.as(p).frameworks.createDraft()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        h.as(p).frameworks.publish({
          version: 2,
          expectedRowVersion: 1,
          confirmed: { carried: 0, changed: 0, dropped: 0 },
        }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        h.as(p).frameworks.removeMilestone({ version: 2, expectedRowVersion: 1, id: "M-EPR-2026" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const p of principals.slice(0, 3)) {
      await expect(h.as(p).frameworks.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const analyst = principals[3]!;
    const list = await h.as(analyst).frameworks.list();
    expect(list.map((v) => [v.version, v.status])).toEqual([[1, "published"]]);
    await expect(h.as(null).frameworks.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("creates one draft as a copy of the published version, with a crosswalk that keeps every code", async () => {
    const created = await admin().frameworks.createDraft({ effectiveFrom: "2026-04-01" });
    expect(created.version).toBe(2);
    expect(created.status).toBe("draft");
    const v1 = await admin().frameworks.get({ version: 1 });
    expect(created.document.functionalities).toEqual(v1.document.functionalities);
    expect(created.crosswalk?.entries).toHaveLength(v1.document.functionalities.length);
    expect(created.crosswalk?.entries.every((e) => e.kind === "kept")).toBe(true);
    await expect(admin().frameworks.createDraft()).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("already a draft"),
    });
  });

  it("refuses a bad threshold naming the field, and changes nothing", async () => {
    const d = await draft();
    const f01 = d.document.functionalities.find((f) => f.code === "F01")!;
    const tooHigh = { ...f01, thresholds: { ...f01.thresholds, l3: { coveragePct: 150, usagePct: 80 } } };
    expect(
      await badRequest(
        admin().frameworks.updateFunctionality({
          version: d.version,
          expectedRowVersion: d.rowVersion,
          code: "F01",
          functionality: tooHigh,
        }),
      ),
    ).toContain("functionality.thresholds.l3.coveragePct: L3 coverage threshold must be between 0 and 100");
    const inverted = {
      ...f01,
      thresholds: { ...f01.thresholds, l4: { coveragePct: 10, usagePct: f01.thresholds.l4.usagePct } },
    };
    expect(
      await badRequest(
        admin().frameworks.updateFunctionality({
          version: d.version,
          expectedRowVersion: d.rowVersion,
          code: "F01",
          functionality: inverted,
        }),
      ),
    ).toContain("functionality.thresholds.l4.coveragePct: L4 coverage threshold cannot be below L3's");
    const menu = d.document.criteria.find((c) => c.kind === "menu")!;
    expect(
      await badRequest(
        admin().frameworks.updateCriterion({
          version: d.version,
          expectedRowVersion: d.rowVersion,
          id: menu.id,
          criterion: { ...menu, k: menu.functionalityCodes.length + 1 },
        }),
      ),
    ).toContain("criterion.k: Menu k cannot exceed the number of functionalities offered");
    // A rule only the whole document can check (a criterion naming a missing functionality) names the field too.
    expect(
      await badRequest(
        admin().frameworks.updateCriterion({
          version: d.version,
          expectedRowVersion: d.rowVersion,
          id: menu.id,
          criterion: { ...menu, functionalityCodes: [...menu.functionalityCodes, "F99"] },
        }),
      ),
    ).toContain(
      `criterion.functionalityCodes.${menu.functionalityCodes.length}: Criterion ${menu.id} names functionality F99, which does not exist`,
    );
    const after = await draft();
    expect(after.rowVersion).toBe(d.rowVersion);
    expect(after.document).toEqual(d.document);
  });

  it("refuses a stale draft edit with CONFLICT", async () => {
    const d = await draft();
    const ok = await admin().frameworks.updateDetails({
      version: d.version,
      expectedRowVersion: d.rowVersion,
      name: "National EPR adoption framework 2026",
      effectiveFrom: "2026-04-01",
    });
    expect(ok.rowVersion).toBe(d.rowVersion + 1);
    await expect(
      admin().frameworks.updateDetails({
        version: d.version,
        expectedRowVersion: d.rowVersion,
        name: "Someone else's name",
        effectiveFrom: "2026-04-01",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await draft()).name).toBe("National EPR adoption framework 2026");
  });

  it("refuses a draft effective date that is not a real day, naming the field, and changes nothing", async () => {
    const d = await draft();
    await expect(
      admin().frameworks.updateDetails({
        version: d.version,
        expectedRowVersion: d.rowVersion,
        name: "EPR route map 2027",
        effectiveFrom: "2027-02-30",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Effective from must be a real date"),
    });
    const after = await draft();
    expect([after.name, after.effectiveFrom, after.rowVersion]).toEqual([
      d.name,
      d.effectiveFrom,
      d.rowVersion,
    ]);
  });

  it("edits a criterion's k and level, and adds and edits a milestone", async () => {
    let d = await draft();
    const menu = d.document.criteria.find((c) => c.kind === "menu" && (c.k ?? 0) >= 2)!;
    await admin().frameworks.updateCriterion({
      version: d.version,
      expectedRowVersion: d.rowVersion,
      id: menu.id,
      criterion: { ...menu, k: (menu.k ?? 2) - 1, requiredLevel: 4 },
    });
    d = await draft();
    const edited = d.document.criteria.find((c) => c.id === menu.id)!;
    expect([edited.k, edited.requiredLevel]).toEqual([(menu.k ?? 2) - 1, 4]);
    await admin().frameworks.saveMilestone({
      version: d.version,
      expectedRowVersion: d.rowVersion,
      id: null,
      milestone: {
        id: "M-T3-2028",
        title: "50% of acute trusts at tier 3 by March 2028",
        targetDate: "2028-03-31",
        measure: "tier_at_least",
        tier: 3,
        shareOfTrusts: 0.5,
        trustTypes: ["acute"],
      },
    });
    d = await draft();
    const m = d.document.milestones.find((x) => x.id === "M-T3-2028")!;
    expect(m.shareOfTrusts).toBe(0.5);
    await admin().frameworks.saveMilestone({
      version: d.version,
      expectedRowVersion: d.rowVersion,
      id: "M-T3-2028",
      milestone: { ...m, shareOfTrusts: 0.6, targetDate: "2028-09-30" },
    });
    d = await draft();
    expect(d.document.milestones.find((x) => x.id === "M-T3-2028")).toMatchObject({
      shareOfTrusts: 0.6,
      targetDate: "2028-09-30",
    });
    // Put the criterion back so the effect test below measures the threshold alone.
    await admin().frameworks.updateCriterion({
      version: d.version,
      expectedRowVersion: d.rowVersion,
      id: menu.id,
      criterion: menu,
    });
  });

  it("previews the effect: no change for an unchanged draft, trusts move down when a threshold rises", async () => {
    let d = await draft();
    const before = await h.as(h.role("national_analyst")).frameworks.effect({ version: d.version });
    expect(before.trusts).toBe(202);
    expect(before.up + before.same + before.down).toBe(202);
    expect(before.down).toBe(0);
    expect(before.up).toBe(0);
    const f01 = d.document.functionalities.find((f) => f.code === "F01")!;
    const all = { coveragePct: 100, usagePct: 100 };
    await admin().frameworks.updateFunctionality({
      version: d.version,
      expectedRowVersion: d.rowVersion,
      code: "F01",
      functionality: { ...f01, thresholds: { l3: all, l4: all, l5: all } },
    });
    const after = await admin().frameworks.effect({ version: d.version });
    expect(after.down).toBeGreaterThan(0);
    expect(after.byTrustType.reduce((s, t) => s + t.down, 0)).toBe(after.down);
    expect(after.changes.length).toBe(after.down + after.up);
    // Restore, so publishing below carries the demo data unchanged apart from the rename.
    d = await draft();
    await admin().frameworks.updateFunctionality({
      version: d.version,
      expectedRowVersion: d.rowVersion,
      code: "F01",
      functionality: f01,
    });
    expect((await admin().frameworks.effect({ version: d.version })).down).toBe(0);
  });

  it("needs a crosswalk covering every old code to publish", async () => {
    const d = await draft();
    const partial = { ...d.crosswalk!, entries: d.crosswalk!.entries.filter((e) => !e.from.includes("F07")) };
    await admin().frameworks.updateCrosswalk({
      version: d.version,
      expectedRowVersion: d.rowVersion,
      crosswalk: partial,
    });
    const d2 = await draft();
    await expect(
      admin().frameworks.publish({
        version: d2.version,
        expectedRowVersion: d2.rowVersion,
        confirmed: { carried: 0, changed: 0, dropped: 0 },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("F07") });
    expect((await admin().frameworks.get({ version: 1 })).status).toBe("published");
    await admin().frameworks.updateCrosswalk({
      version: d2.version,
      expectedRowVersion: d2.rowVersion,
      crosswalk: d.crosswalk!,
    });
  });

  it("renames a code, publishes, carries records forward by the crosswalk, and never changes the version again", async () => {
    const db = h.database.db;
    const d = await draft();
    const f13 = d.document.functionalities.find((f) => f.code === "F13")!;
    const rgtBefore = await db
      .selectFrom("adoption_record")
      .selectAll()
      .where("ods_code", "=", "RGT")
      .where("functionality_code", "=", "F13")
      .executeTakeFirstOrThrow();
    const countBefore = await db
      .selectFrom("adoption_record")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const renamed = await admin().frameworks.updateFunctionality({
      version: d.version,
      expectedRowVersion: d.rowVersion,
      code: "F13",
      functionality: { ...f13, code: "F13a", name: `${f13.name} (renamed)` },
    });
    const d2 = await draft();
    expect(d2.crosswalk!.entries.find((e) => e.from[0] === "F13")).toMatchObject({
      kind: "renamed",
      to: ["F13a"],
    });
    expect(d2.document.criteria.some((c) => c.functionalityCodes.includes("F13a"))).toBe(true);

    const diff = await h.as(h.role("national_analyst")).frameworks.diff({ from: 1, to: 2 });
    // Matched by the crosswalk: a rename, not one added and one removed, with its values before → after.
    expect(diff.diff.added).toEqual([]);
    expect(diff.diff.removed).toEqual([]);
    expect(diff.diff.renamed).toEqual([
      {
        from: "F13",
        to: "F13a",
        fromName: f13.name,
        toName: `${f13.name} (renamed)`,
        values: [
          { path: "code", before: "F13", after: "F13a" },
          { path: "name", before: f13.name, after: `${f13.name} (renamed)` },
        ],
      },
    ]);
    expect(diff.diff.criteriaChanged.changed[0]?.values[0]).toMatchObject({
      path: "functionalityCodes",
      before: expect.stringContaining("F13"),
      after: expect.stringContaining("F13a"),
    });
    expect(diff.crosswalk?.entries.find((e) => e.kind === "renamed")?.to).toEqual(["F13a"]);

    // The admin confirms the record counts the publish page showed; counts that differ publish nothing.
    const { records } = await admin().frameworks.effect({ version: d2.version });
    expect(records.changed).toBeGreaterThan(0);
    expect(records.dropped).toBe(0);
    const ref = { version: d2.version, expectedRowVersion: renamed.rowVersion };
    await expect(
      admin().frameworks.publish({ ...ref, confirmed: { ...records, changed: records.changed - 1 } }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("you confirmed") });
    expect((await admin().frameworks.get({ version: 1 })).status).toBe("published");
    const result = await admin().frameworks.publish({ ...ref, confirmed: records });
    expect(result).toMatchObject({ version: 2, retiredVersion: 1, trustsRefreshed: 202 });
    expect([result.carried, result.changed]).toEqual([records.carried, records.changed]);
    expect(result.carried).toBe(Number(countBefore.n));
    expect(result.notCarried).toEqual([]);

    const carried = await db
      .selectFrom("adoption_record")
      .selectAll()
      .where("ods_code", "=", "RGT")
      .where("functionality_code", "=", "F13a")
      .executeTakeFirstOrThrow();
    expect(carried.level).toBe(rgtBefore.level);
    expect(carried.coverage_pct).toBe(rgtBefore.coverage_pct);
    expect(carried.version).toBe(rgtBefore.version + 1);
    const old = await db
      .selectFrom("adoption_record")
      .select("ods_code")
      .where("functionality_code", "=", "F13")
      .execute();
    expect(old).toEqual([]);
    const countAfter = await db
      .selectFrom("adoption_record")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(countAfter.n)).toBe(Number(countBefore.n));
    const tiers = await db.selectFrom("organisation_tier").select("framework_version").distinct().execute();
    expect(tiers.map((t) => t.framework_version)).toEqual([2]);
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_key", "=", "RGT/F13a")
      .execute();
    expect(audit.map((a) => a.action)).toContain("adoption.carry_forward");

    expect((await currentFramework(db)).version).toBe(2);
    const versions = await admin().frameworks.list();
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, "published"],
      [1, "retired"],
    ]);

    // The published version is immutable: the API refuses with a clear message…
    const published = await admin().frameworks.get({ version: 2 });
    await expect(
      admin().frameworks.updateFunctionality({
        version: 2,
        expectedRowVersion: published.rowVersion,
        code: "F01",
        functionality: published.document.functionalities.find((f) => f.code === "F01")!,
      }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("a published version never changes"),
    });
    await expect(
      admin().frameworks.publish({
        version: 2,
        expectedRowVersion: published.rowVersion,
        confirmed: { carried: 0, changed: 0, dropped: 0 },
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // …and the database refuses too.
    await expect(
      sql`update framework_version set document = document || '{"name":"x"}'::jsonb where version = 2`.execute(
        db,
      ),
    ).rejects.toThrow(/cannot change/);
    // The version in force is retired only by publishing its successor.
    await expect(
      admin().frameworks.retire({ version: 2, expectedRowVersion: published.rowVersion }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("in force") });
  });

  it("lets trusts keep editing under the new version with the renamed code", async () => {
    const editor = await h.principal("editor.rgt@demo.realise");
    const dash = await h.as(editor).adoption.forOrganisation({ odsCode: "RGT" });
    expect(dash.framework.version).toBe(2);
    const record = dash.records.find((r) => r.functionalityCode === "F13a");
    expect(record).toBeDefined();
  });
});
