import { describe, expect, it } from "vitest";
import { engines, useHarness } from "../support/harness.js";
import { blankAdoption as blank, badRequest } from "../support/inputs.js";

describe.each(engines)("national audit log on %s", (engine) => {
  const h = useHarness(engine);
  const analyst = () => h.role("national_analyst");

  /** Three changes on two trusts by two people, made in the test so the expectations are exact. */
  async function makeChanges() {
    const editorRgt = h.role("trust_editor", "RGT");
    const editorRr8 = { ...h.role("trust_editor", "RR8"), email: "editor.other@test.realise" };
    const dash = await h.as(editorRgt).adoption.forOrganisation({ odsCode: "RGT" });
    const rec = dash.records.find((r) => r.functionalityCode === "F10")!;
    await h.as(editorRgt).adoption.update({
      odsCode: "RGT",
      functionalityCode: "F10",
      expectedVersion: rec.version,
      values: { ...blank, coveragePct: 41, usageNumerator: 62, usageDenominator: 100 },
    });
    const again = await h.as(editorRgt).adoption.forOrganisation({ odsCode: "RGT" });
    await h.as(editorRgt).adoption.update({
      odsCode: "RGT",
      functionalityCode: "F10",
      expectedVersion: again.records.find((r) => r.functionalityCode === "F10")!.version,
      values: { ...blank, coveragePct: 41, usageNumerator: 75, usageDenominator: 100 },
    });
    const other = await h.as(editorRr8).adoption.forOrganisation({ odsCode: "RR8" });
    const rr8 = other.records.find((r) => r.functionalityCode === "F10")!;
    await h.as(editorRr8).adoption.update({
      odsCode: "RR8",
      functionalityCode: "F10",
      expectedVersion: rr8.version,
      values: { ...blank, coveragePct: 12 },
    });
  }

  it("finds a trust's change in words, newest first, with the trust's name and the values old → new", async () => {
    await makeChanges();
    const page = await h.as(analyst()).audit.search({ odsCode: "RGT", action: "adoption", pageSize: 5 });
    const [latest] = page.entries;
    expect(latest?.odsCode).toBe("RGT");
    expect(latest?.trust).toMatch(/\(RGT\)$/);
    expect(latest?.trust).not.toBe("RGT");
    expect(latest?.summary).toMatch(/^Changed .+ \(F10\) usage 62% → 75%$/);
    expect(latest?.changes).toEqual([{ field: "usage", before: "62%", after: "75%" }]);
    expect(latest?.actor).toBe("trust_editor@test.realise");
    const text = JSON.stringify(page.entries.map((e) => [e.summary, e.changes]));
    expect(text).not.toMatch(/adoption\.update|adoption_record|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it("filters by who, by kind of change and by dates", async () => {
    const byActor = await h.as(analyst()).audit.search({ actor: "EDITOR.OTHER" });
    expect(byActor.entries.length).toBeGreaterThan(0);
    expect(byActor.entries.every((e) => e.actor === "editor.other@test.realise" && e.odsCode === "RR8")).toBe(
      true,
    );
    const returns = await h.as(analyst()).audit.search({ action: "return", odsCode: "RGT" });
    expect(returns.entries.every((e) => /return$/.test(e.summary))).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const todays = await h.as(analyst()).audit.search({ from: today, to: today, odsCode: "RGT" });
    expect(todays.entries.length).toBeGreaterThanOrEqual(2);
    const future = await h.as(analyst()).audit.search({ from: "2999-01-01" });
    expect(future).toEqual({ entries: [], nextCursor: null });
    expect(await badRequest(h.as(analyst()).audit.search({ from: "2026-05-01", to: "2026-04-01" }))).toEqual([
      "to: To must be on or after From",
    ]);
  });

  it("pages by keyset: pages do not overlap, and together they are the whole result", async () => {
    const all = await h.as(analyst()).audit.search({ pageSize: 100, from: "2000-01-01" });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await h.as(analyst()).audit.search({ pageSize: 2, from: "2000-01-01", cursor });
      seen.push(...page.entries.map((e) => e.id));
      expect(page.entries.length).toBeLessThanOrEqual(2);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      if (seen.length >= all.entries.length) break;
    }
    expect(seen.slice(0, all.entries.length)).toEqual(all.entries.map((e) => e.id));
    expect(new Set(seen).size).toBe(seen.length);
    const ids = seen.map(Number);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it("is for the national team only", async () => {
    await expect(
      h.as(h.role("trust_approver", "RGT")).audit.search({ odsCode: "RGT" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
