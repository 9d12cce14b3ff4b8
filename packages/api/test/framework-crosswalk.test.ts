import { describe, expect, it } from "vitest";
import { engines, useHarness } from "./support/harness.js";

describe.each(engines)("crosswalk contradictions refused on %s", (engine) => {
  const h = useHarness(engine);
  const admin = () => h.as(h.role("national_admin"));

  async function draft() {
    const list = await admin().frameworks.list();
    const d = list.find((v) => v.status === "draft");
    return admin().frameworks.get({
      version: d ? d.version : (await admin().frameworks.createDraft()).version,
    });
  }

  it("refuses on save two sources carried into one target, naming both entries, and stores nothing", async () => {
    const d = await draft();
    const entries = d.crosswalk!.entries.map((e) =>
      e.from[0] === "F02" ? { kind: "renamed" as const, from: ["F02"], to: ["F01"] } : e,
    );
    await expect(
      admin().frameworks.updateCrosswalk({
        version: d.version,
        expectedRowVersion: d.rowVersion,
        crosswalk: { ...d.crosswalk!, entries },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(
        /F01 receives records from entry \d+ \(F01 kept\) and entry \d+ \(F02 renamed to F01\)/,
      ),
    });
    const after = await draft();
    expect(after.rowVersion).toBe(d.rowVersion);
    expect(after.crosswalk).toEqual(d.crosswalk);
  });

  it("refuses on save a code both kept and merged, and a retired code the draft still has", async () => {
    const d = await draft();
    const ref = { version: d.version, expectedRowVersion: d.rowVersion };
    await expect(
      admin().frameworks.updateCrosswalk({
        ...ref,
        crosswalk: {
          ...d.crosswalk!,
          entries: [...d.crosswalk!.entries, { kind: "merged", from: ["F01", "F02"], to: ["F01"] }],
        },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("F01 is both kept (entry 1) and merged into F01"),
    });
    const retired = d.crosswalk!.entries.map((e) =>
      e.from[0] === "F07" ? { kind: "retired" as const, from: ["F07"], to: [] } : e,
    );
    await expect(
      admin().frameworks.updateCrosswalk({ ...ref, crosswalk: { ...d.crosswalk!, entries: retired } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("F07 is retired in entry"),
    });
    expect((await draft()).rowVersion).toBe(d.rowVersion);
  });

  it("refuses to publish a stored crosswalk with a contradiction, naming it, and keeps version 1 in force", async () => {
    const d = await draft();
    const entries = d.crosswalk!.entries.map((e) =>
      e.from[0] === "F03" ? { kind: "renamed" as const, from: ["F03"], to: ["F04"] } : e,
    );
    await h.database.db
      .updateTable("framework_version")
      .set({ crosswalk: JSON.stringify({ ...d.crosswalk!, entries }) })
      .where("version", "=", d.version)
      .execute();
    await expect(
      admin().frameworks.publish({
        version: d.version,
        expectedRowVersion: d.rowVersion,
        confirmed: { carried: 0, changed: 0, dropped: 0 },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("F04 receives records from"),
    });
    expect((await admin().frameworks.get({ version: 1 })).status).toBe("published");
    expect((await admin().frameworks.get({ version: d.version })).status).toBe("draft");
  });
});
