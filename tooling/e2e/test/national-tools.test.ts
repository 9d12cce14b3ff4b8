import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { expect, test } from "../src/fixtures.js";
import { axeClean, query, signInAs } from "../src/helpers.js";

interface HeatmapData {
  systemReported: { records: number; trusts: number };
  functionalities: { code: string; name: string }[];
  trusts: { odsCode: string; name: string; attainedTier: number }[];
}

test.describe("the national team's tools in Chromium", () => {
  test("reads the heatmap by trust name with a key, sorts it, and opens a trust from a cell", async ({
    newPage,
    realise,
  }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "analyst@demo.realise");
    await page.goto("/admin/heatmap?region=London&view=table");
    await page.getByRole("heading", { level: 1, name: "Adoption by trust and functionality" }).waitFor();
    const key = page.getByRole("list", { name: "Key" });
    await key.waitFor();
    expect(await key.innerText()).toContain("L0 Not in place");
    expect(await key.innerText()).toContain("Does not apply to the trust's type");
    const table = page.locator("table", { hasText: "Adoption level by trust" });
    await table.waitFor();
    const byName = await query<HeatmapData>(context, realise.url, "national.heatmap", { region: "London" });
    const first = byName.trusts[0]!;
    // System-reported figures are told apart from self-assessed ones, with the API's count.
    const reported = byName.systemReported.records;
    await expect(page.locator("main")).toContainText(
      reported === 0 ? "Every record in view is self-assessed by trust staff." : "are system-reported",
    );
    expect(await table.locator("tbody tr th").first().innerText()).toBe(`${first.name} (${first.odsCode})`);
    // "Does not apply" is told apart from L0, in words for assistive technology.
    expect(await table.locator("td.realise-level-na").count()).toBeGreaterThan(0);
    expect(await table.locator("td.realise-level-na").first().innerText()).toContain("Does not apply");
    await axeClean(page);

    await page.getByLabel("Sort trusts by").selectOption("tier");
    expect(page.url()).toContain("sort=tier");
    const byTier = await query<HeatmapData>(context, realise.url, "national.heatmap", {
      region: "London",
      sort: "tier",
    });
    const top = byTier.trusts[0]!;
    await expect(table.locator("tbody tr th").first()).toHaveText(`${top.name} (${top.odsCode})`);
    expect(top.attainedTier).toBe(Math.max(...byName.trusts.map((t) => t.attainedTier)));

    await page.getByLabel("Trusts at tier").selectOption(String(top.attainedTier));
    const atTier = byTier.trusts.filter((t) => t.attainedTier === top.attainedTier).length;
    await page.getByText(new RegExp(`^${atTier} trusts ×`)).waitFor();

    // The chart: a canvas; a click on the first cell opens that trust's record, read only.
    await page.getByRole("link", { name: "Show as a heatmap" }).click();
    const chart = page.locator("figure.realise-heatmap > div");
    await chart.locator("canvas").first().waitFor();
    await chart.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    const box = (await chart.boundingBox())!;
    const rows = Number(await chart.getAttribute("data-rows"));
    const scrolling = atTier > rows;
    const cellWidth = (box.width - 300 - (scrolling ? 40 : 10)) / byTier.functionalities.length;
    const rowHeight = (box.height - 230 - 10) / rows;
    await page.mouse.click(box.x + 300 + cellWidth / 2, box.y + 230 + rowHeight / 2);
    await page
      .getByRole("heading", { level: 1, name: `Trust record for ${top.name} (${top.odsCode})` })
      .waitFor();
    expect(page.url()).toContain(`/admin/trusts/${top.odsCode}`);
    await page.getByText("A read-only view of the trust's live records").waitFor();
    await page.locator("table", { hasText: "Tier 1:" }).first().waitFor();
    expect(await page.locator("main").getByRole("button").count()).toBe(0);
    await axeClean(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("downloads an overview table as CSV with the page's filters, read by a CSV library", async ({
    newPage,
    realise,
  }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "analyst@demo.realise");
    await page.goto("/admin/?trustType=ambulance");
    await page.getByText(/10 trusts in view/).waitFor();
    const link = page.getByRole("link", {
      name: "Download as CSV: every trust in view, with its EPR status and tier",
    });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^trusts-live-\d{4}-\d{2}-\d{2}-framework-v\d+\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(bytes.subarray(3).toString("utf8"), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(10);
    expect(parsed.data.every((r) => r["Trust type"] === "ambulance")).toBe(true);
    expect(await page.getByRole("link", { name: /^Download as CSV/ }).count()).toBeGreaterThanOrEqual(6);
    await axeClean(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("clears an ICB the new region does not contain, shows who is signed in, and turns trust staff away", async ({
    newPage,
    realise,
  }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "analyst@demo.realise");
    const lists = await query<{ icbs: { code: string; name: string; region: string }[] }>(
      context,
      realise.url,
      "organisations.referenceLists",
      {},
    );
    const icb = lists.icbs.find((i) => i.region === "London")!;
    await page.goto(`/admin/?region=London&icbCode=${icb.code}`);
    await page.getByText(/trusts in view/).waitFor();
    await page.getByLabel("Region", { exact: true }).selectOption("North West");
    await expect.poll(() => new URL(page.url()).searchParams.get("icbCode")).toBeNull();
    expect(new URL(page.url()).searchParams.get("region")).toBe("North West");
    await page.getByText(/trusts in view/).waitFor();
    expect(await page.getByText("No trusts match").count()).toBe(0);
    // A link whose ICB is not in its region is corrected on arrival.
    await page.goto(`/admin/heatmap?region=North+West&icbCode=${icb.code}`);
    await expect.poll(() => new URL(page.url()).searchParams.get("icbCode")).toBeNull();
    await page.getByText(/trusts ×/).waitFor();

    const account = page.getByRole("navigation", { name: "Your account" });
    await expect(account).toContainText("national analyst");
    await account.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect((await context.request.get(`${realise.url}/exports/trusts.csv`)).status()).toBe(401);

    const trust = await newPage();
    await signInAs(trust.context, realise.url, "editor.rgt@demo.realise");
    await trust.page.goto("/admin/heatmap");
    await trust.page
      .getByRole("heading", { level: 1, name: "The national view is for the national team" })
      .waitFor();
    await trust.page.getByRole("link", { name: "Go to your trust's dashboard" }).waitFor();
    expect(await trust.page.getByRole("link", { name: "Heatmap" }).count()).toBe(0);
    await axeClean(trust.page);
    expect(errors).toEqual([]);
    expect(trust.errors).toEqual([]);
    await context.close();
    await trust.context.close();
  });
});
