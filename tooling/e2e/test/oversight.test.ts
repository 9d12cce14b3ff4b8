import { expect, test } from "../src/fixtures.js";
import { axeClean, mutate, query, signInAs } from "../src/helpers.js";

const ICB = "S1Y5D"; // NHS Central East ICB, the demo ICB viewer's

test.describe("ICB oversight and the national audit log in Chromium", () => {
  test("an ICB viewer signs in and sees only their ICB's trusts, with no national-only pages", async ({
    newPage,
    realise,
  }) => {
    const analyst = await newPage();
    await signInAs(analyst.context, realise.url, "analyst@demo.realise");
    const expected = await query<{ trusts: { odsCode: string }[] }>(
      analyst.context,
      realise.url,
      "national.heatmap",
      { icbCode: ICB },
    );
    const codes = expected.trusts.map((t) => t.odsCode).sort();
    expect(codes).toContain("RGT");
    await analyst.context.close();

    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "icb@demo.realise");
    await page.goto("/admin/heatmap?view=table");
    const table = page.locator("table", { hasText: "Adoption level by trust" });
    await table.waitFor();
    const rows = await table.locator("tbody th[scope=row]").allTextContents();
    const shown = rows.map((r) => /\(([A-Z0-9]+)\)\s*$/.exec(r.trim())?.[1] ?? r).sort();
    expect(shown).toEqual(codes);
    await expect(page.getByText(`You see the trusts of ICB ${ICB}`)).toBeVisible();
    const links = await page.locator("header a").allTextContents();
    expect(links.join(" | ")).toContain("Heatmap");
    expect(links.join(" | ")).not.toMatch(/Accounts|Audit log|Framework|Registry/);
    await axeClean(page);
    // Another ICB by address: refused, not shown.
    await page.goto("/admin/heatmap?view=table&icbCode=QWO");
    await expect(page.getByText("Your account sees only the trusts in NHS Central East ICB")).toBeVisible();
    expect(errors.filter((e) => !/403|Forbidden/i.test(e))).toEqual([]);
    await context.close();
  });

  test("the audit log finds a trust's change in words, and passes axe", async ({ newPage, realise }) => {
    const trust = await newPage();
    await signInAs(trust.context, realise.url, "editor.rgt@demo.realise");
    const dash = await query<{ records: { functionalityCode: string; version: number }[] }>(
      trust.context,
      realise.url,
      "adoption.forOrganisation",
      { odsCode: "RGT" },
    );
    const record = dash.records[0]!;
    await mutate(trust.context, realise.url, "adoption.update", {
      odsCode: "RGT",
      functionalityCode: record.functionalityCode,
      expectedVersion: record.version,
      values: {
        coveragePct: 37,
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
      },
    });
    await trust.context.close();

    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "analyst@demo.realise");
    await page.goto("/admin/");
    await page.locator('header a[href="/admin/audit"]').first().waitFor({ state: "attached" });
    await page.goto("/admin/audit");
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    await page.getByLabel("Trust ODS code").fill("RGT");
    await page.getByLabel("Kind of change").selectOption("adoption");
    await page.getByRole("button", { name: "Search" }).click();
    const table = page.locator("table", { hasText: "newest first" });
    await table.waitFor();
    const first = table.locator("tbody tr").first();
    await expect(first).toContainText("editor.rgt@demo.realise");
    await expect(first).toContainText(`(${record.functionalityCode})`);
    await expect(first).toContainText(/coverage \S+ → 37%/);
    expect(await table.textContent()).not.toMatch(/adoption\.update|adoption_record/);
    await axeClean(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
