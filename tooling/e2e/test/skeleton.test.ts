import { seriousAxeFindings } from "../src/browser.js";
import { expect, test } from "../src/fixtures.js";

test.describe("walking skeleton in Chromium", () => {
  test("answers health and readiness with the engine", async ({ realise }) => {
    const ready = await fetch(`${realise.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "pglite" });
  });

  test("lists real trusts, filters them, and opens one", async ({ newPage }) => {
    const { page, errors, context } = await newPage();
    await page.goto("/");
    await expect.poll(() => page.locator("table tbody tr").count()).toBe(202);
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByLabel("Trust type").selectOption("ambulance");
    await expect.poll(() => page.locator("table tbody tr").count()).toBe(10);
    expect(page.url()).toContain("trustType=ambulance");

    await page.getByLabel("Name or ODS code").fill("London");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.locator("table tbody tr").count()).toBe(1);
    await page.getByRole("link", { name: "London Ambulance Service NHS Trust" }).click();
    await page.getByRole("heading", { level: 1, name: "London Ambulance Service NHS Trust" }).waitFor();
    expect(await page.getByText("RRU", { exact: true }).count()).toBeGreaterThan(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("shows a clear page for an unknown trust", async ({ newPage }) => {
    const { page, context } = await newPage();
    await page.goto("/trusts/ZZZ");
    await page.getByRole("heading", { name: "Trust not found" }).waitFor();
    expect(await page.getByText("No trust has the ODS code ZZZ").count()).toBe(1);
    await context.close();
  });

  test("shows the registry summary with real counts in the admin app", async ({ newPage }) => {
    const { page, errors, context } = await newPage();
    // The registry summary is public; the national overview at /admin/ needs a national role.
    await page.goto("/admin/summary");
    await page.getByRole("heading", { level: 1, name: "National summary" }).waitFor();
    await page.getByText("202 NHS trusts in England").waitFor();
    const ambulanceRow = page
      .locator("table", { hasText: "Trust type" })
      .locator("tr", { hasText: "Ambulance" });
    expect(await ambulanceRow.locator("td").nth(1).textContent()).toBe("10");
    expect(await page.locator("figure.realise-chart svg").count()).toBeGreaterThanOrEqual(4);
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
