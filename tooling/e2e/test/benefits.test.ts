import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import Papa from "papaparse";
import { seriousAxeFindings } from "../src/browser.js";
import { expect, test } from "../src/fixtures.js";

async function signInAs(page: Page, baseUrl: string, email: string) {
  const response = await page.request.post(`${baseUrl}/api/auth/sign-in/email`, {
    data: { email, password: "realise-demo" },
    headers: { origin: baseUrl },
  });
  expect(response.status()).toBe(200);
}

/** The national expected full-year value, in pounds, as the admin page shows it. */
async function nationalExpected(page: Page): Promise<number> {
  await page.goto("/admin/benefits");
  const cell = page.getByTestId("national-expected");
  await cell.waitFor();
  return Number((await cell.textContent())!.replace(/[£,\s]/g, ""));
}

test.describe("benefits and plans in Chromium", () => {
  test("adds a benefit with a baseline and two actuals, shows the chart and table, and moves the national total", async ({
    newPage,
    realise,
  }) => {
    const admin = await newPage();
    await signInAs(admin.page, realise.url, "admin@demo.realise");
    const before = await nationalExpected(admin.page);
    expect(before).toBeGreaterThan(0);
    await admin.page.getByRole("heading", { name: "Plans against the national roadmap" }).waitFor();
    // One milestone vocabulary: met, on track, off track or missed; never "No forecast" or "Slipping".
    await admin.page
      .locator("strong.nhsuk-tag", { hasText: /^(Met|On track|Off track|Missed)$/ })
      .first()
      .waitFor();
    expect(await admin.page.getByText(/^(No forecast|Slipping|Not met yet)$/).count()).toBe(0);
    expect(await admin.page.locator("figure.realise-chart svg").count()).toBeGreaterThanOrEqual(1);
    expect(await seriousAxeFindings(admin.page)).toEqual([]);
    // A milestone's regions download as CSV beside their table, in the same words, read by a CSV library.
    const [download] = await Promise.all([
      admin.page.waitForEvent("download"),
      admin.page
        .getByRole("link", { name: /^Download as CSV: .+: by region$/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^milestones-by-region-M-[A-Z0-9-]+-live-\d{4}-\d{2}-\d{2}-framework-v\d+\.csv$/,
    );
    const bytes = await readFile((await download.path())!);
    const parsed = Papa.parse<Record<string, string>>(bytes.subarray(3).toString("utf8"), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBeGreaterThan(0);
    expect(parsed.data.every((r) => ["Met", "On track", "Off track", "Missed"].includes(r.Status!))).toBe(
      true,
    );

    const { page, errors, context } = await newPage();
    await signInAs(page, realise.url, "editor.rgt@demo.realise");
    await page.goto("/trusts/RGT/benefits");
    await page.getByRole("heading", { level: 1, name: "Benefits register" }).waitFor();
    await page.locator("table tbody tr").first().waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole("link", { name: "Add a benefit" }).click();
    await page.getByRole("heading", { level: 1, name: "Add a benefit" }).waitFor();
    // An empty form is refused with the error summary naming the fields.
    await page.getByRole("button", { name: "Add the benefit" }).click();
    await page.getByRole("heading", { name: "There is a problem" }).waitFor();
    expect(await page.locator(".nhsuk-error-summary li").count()).toBeGreaterThan(3);
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByLabel("Benefit type").selectOption("B12");
    await page.getByLabel("Title", { exact: true }).fill("Less agency spend on ward clerks");
    await page.getByLabel("Owner (responsible officer)").fill("Director of Finance");
    await page.getByLabel("Baseline value").fill("500000");
    await page.getByLabel("Baseline date").fill("2025-04-01");
    await page.getByLabel("Baseline source").fill("Ledger 2024/25");
    await page.getByLabel("Target value").fill("300000");
    await page.getByLabel("Target date").fill("2027-03-31");
    await page.getByLabel("Full-year value in pounds (optional)").fill("123456");
    await page.getByRole("button", { name: "Add the benefit" }).click();
    await page.getByRole("heading", { level: 1, name: "Less agency spend on ward clerks" }).waitFor();
    await page.getByText("The benefit was added.").waitFor();

    for (const [period, value] of [
      ["2025/26 Q2", "450000"],
      ["2025/26 Q4", "380000"],
    ] as const) {
      await page.getByLabel("Period", { exact: true }).fill(period);
      await page.getByLabel(/^Actual value/).fill(value);
      await page.getByRole("button", { name: "Record the actual" }).click();
      await page.getByText(`The actual for ${period} was recorded.`).waitFor();
      await page.locator("table tbody tr", { hasText: period }).waitFor();
    }
    const table = page.locator("table", { hasText: "Planned (trajectory)" });
    expect(await table.locator("tbody tr").count()).toBe(4);
    expect(await table.locator("tr", { hasText: "2025/26 Q4" }).locator("td").nth(1).textContent()).toBe(
      "380,000",
    );
    await page.locator("figure.realise-chart svg").first().waitFor();
    expect(await page.locator("figure.realise-chart svg path").count()).toBeGreaterThan(0);
    // 120,000 of the 200,000 reduction: 60% of the way.
    await page.getByText("60%").first().waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole("link", { name: "Benefits register" }).click();
    await page.getByRole("table").getByRole("link", { name: "Less agency spend on ward clerks" }).waitFor();
    // Its latest actual is older than the period now due, so the register flags it.
    await page.getByText("Needs attention").waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.goto("/trusts/RGT/benefits/import");
    await page.getByRole("heading", { level: 1, name: "Import actuals from CSV" }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.goto("/trusts/RGT/plan");
    await page.getByRole("heading", { level: 1, name: "Plan to the next tier" }).waitFor();
    await page.getByRole("table", { name: /Plan items/ }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole("button", { name: "Add a plan item" }).click();
    await page.getByRole("heading", { name: "Add a plan item" }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    const after = await nationalExpected(admin.page);
    expect(after - before).toBe(123456);
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });
});
