import { expect, test } from "../src/fixtures.js";
import { axeClean, query, signInAs } from "../src/helpers.js";

interface Overview {
  groups: { icb: { key: string | null; label: string; trusts: number }[] };
}

test.describe("drill-down and period comparison in Chromium", () => {
  test("drills from England to a region, an ICB and a trust, and compares two official periods", async ({
    newPage,
    realise,
  }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "analyst@demo.realise");
    await page.goto("/admin/");
    await page.getByRole("link", { name: "Drill down by region and ICB" }).click();
    await page.getByRole("heading", { level: 1, name: "EPR adoption by region" }).waitFor();
    await page.locator("table", { hasText: "Tiers and EPR coverage by region" }).waitFor();
    await axeClean(page);

    await page.getByRole("link", { name: "London", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "EPR adoption in London, by ICB" }).waitFor();
    expect(page.url()).toContain("region=London");
    const london = await query<Overview>(context, realise.url, "national.overview", { region: "London" });
    const icb = london.groups.icb.find((g) => g.key)!;
    const icbTable = page.locator("table", { hasText: "Tiers and EPR coverage by ICB" });
    await icbTable.waitFor();
    const text = (await icbTable.innerText()).replace(/\s+/g, " ");
    expect(text).toContain(`${icb.label} (${icb.key})`);

    await icbTable.getByRole("link", { name: icb.label, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `EPR adoption in ${icb.label}, by trust` }).waitFor();
    expect(page.url()).toContain(`icbCode=${icb.key}`);
    const breadcrumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    expect(await breadcrumbs.innerText()).toMatch(/England[\s\S]*London[\s\S]*/);
    const trusts = page.locator("table", { hasText: "Each trust's attained tier and EPR status" });
    await trusts.waitFor();
    expect(await trusts.locator("tbody tr").count()).toBe(icb.trusts);
    await axeClean(page);

    // Back returns to the region, and forward to the ICB: each level is its own address.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "EPR adoption in London, by ICB" }).waitFor();
    await page.goForward();
    await trusts.waitFor();
    const first = trusts.locator("tbody tr").first().getByRole("link");
    const name = await first.innerText();
    await first.click();
    await page.getByRole("heading", { level: 1, name: new RegExp(`^Trust record for ${name}`) }).waitFor();
    expect(page.url()).toMatch(/\/admin\/trusts\/[A-Z0-9]+$/);

    await page.goto("/admin/compare");
    await page.getByRole("heading", { level: 1, name: "Compare two official periods" }).waitFor();
    const movement = page.locator("table", { hasText: "Tier movement from" });
    await movement.waitFor();
    expect(await movement.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    await page.getByRole("heading", { name: /^Trusts that moved \(\d+\)$/ }).waitFor();
    const csv = page.getByRole("link", { name: "Download as CSV: the tier movement table" });
    expect(await csv.getAttribute("href")).toMatch(/^\/exports\/tier-movement\.csv\?.*from=.*to=/);
    await axeClean(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
