import { expect, test } from "../src/fixtures.js";
import { axeClean, mutate, query, signInAs } from "../src/helpers.js";

interface Plan {
  items: Array<{ functionalityCode: string; status: string }>;
  functionalities: Array<{ code: string; name: string; level: number }>;
}

const line = {
  benefitTypeCode: "B12",
  title: "Fewer agency shifts in theatres",
  benefitClass: "cash_releasing",
  isDisbenefit: false,
  owner: "Director of Finance",
  metric: "Agency spend",
  unit: "£ a year",
  direction: "decrease",
  baseline: { value: 500_000, date: "2025-04-01", source: "Ledger 2024/25" },
  target: { value: 300_000, date: "2027-03-31" },
  trajectory: [],
  confidence: "medium",
  status: "in_progress",
  enablingFunctionalities: [],
  fullYearValueGbp: 80_000,
  attributionPct: 100,
  doubleCountGroup: null,
  evidence: null,
};

test.describe("undo and history for benefits and plans in Chromium", () => {
  test("removes a plan item and withdraws a benefit, after confirming, both kept in the history", async ({
    newPage,
    realise,
  }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "editor.rgt@demo.realise");
    const plan = await query<Plan>(context, realise.url, "plans.list", { odsCode: "RGT" });
    const f = plan.functionalities.find(
      (x) => x.level <= 3 && !plan.items.some((i) => i.functionalityCode === x.code && i.status !== "done"),
    )!;

    // Add an item through the NHS date input: a past date is refused in words, then a good one is kept.
    await page.goto("/trusts/RGT/plan");
    await page.getByRole("heading", { level: 1, name: "Plan to the next tier" }).waitFor();
    await page.getByRole("button", { name: "Add a plan item" }).click();
    await page.getByLabel("Functionality").selectOption(f.code);
    await page.getByLabel("Target level").selectOption("5");
    const date = page.getByRole("group", { name: "Target date" });
    await date.getByLabel("Day").fill("1");
    await date.getByLabel("Month").fill("1");
    await date.getByLabel("Year").fill("2020");
    await page.getByLabel("Owner").fill("CCIO");
    await page.getByRole("button", { name: "Add the item" }).click();
    await page.getByRole("heading", { name: "There is a problem" }).waitFor();
    await expect(page.locator(".nhsuk-error-summary")).toContainText(
      "Target date 1 January 2020 is in the past",
    );
    await axeClean(page);
    await date.getByLabel("Day").fill("30");
    await date.getByLabel("Month").fill("6");
    await date.getByLabel("Year").fill("2027");
    await page.getByRole("button", { name: "Add the item" }).click();
    const row = page.getByRole("table", { name: /Plan items/ }).locator("tr", { hasText: f.name });
    await expect(row).toContainText("30 June 2027");

    // Remove it, confirming first.
    await page.getByRole("button", { name: `Remove the plan item for ${f.code}` }).click();
    await page.getByRole("heading", { name: /Remove this plan item\?/ }).waitFor();
    await axeClean(page);
    await page.getByRole("button", { name: "Yes, remove it" }).click();
    await expect(page.getByRole("status")).toContainText("was removed");
    await expect(row).toHaveCount(0);
    await page.locator("summary", { hasText: "Changes to the plan" }).click();
    await expect(page.getByRole("table", { name: "Changes to the plan" })).toContainText(
      `Removed the plan item: ${f.code} ${f.name} to L5 by 30 June 2027`,
    );
    await axeClean(page);

    // A benefit: re-recording an actual asks first; withdrawing asks why; the history keeps both.
    const created = await mutate<{ id: string }>(context, realise.url, "benefits.create", {
      odsCode: "RGT",
      line,
    });
    await page.goto(`/trusts/RGT/benefits/${created.id}`);
    await page.getByRole("heading", { level: 1, name: line.title }).waitFor();
    for (const value of ["450000", "440000"]) {
      await page.getByLabel("Period", { exact: true }).fill("2025/26 Q3");
      await page.getByLabel(/^Actual value/).fill(value);
      await page.getByRole("button", { name: "Record the actual" }).click();
      // The first is recorded before the second is typed (the form resets when it is saved).
      if (value === "450000") await page.getByText("The actual for 2025/26 Q3 was recorded.").waitFor();
    }
    await page.getByRole("heading", { name: /Replace the actual for 2025\/26 Q3\?/ }).waitFor();
    await expect(page.getByText("already has an actual of 450,000")).toBeVisible();
    await axeClean(page);
    await page.getByRole("button", { name: "Yes, replace it" }).click();
    await page
      .getByText("The actual for 2025/26 Q3 was replaced. The history keeps the old value.")
      .waitFor();

    await page.getByRole("button", { name: "Withdraw this benefit" }).click();
    await page.getByRole("button", { name: "Yes, withdraw it" }).click();
    await page.getByText("Say why the benefit is withdrawn").first().waitFor();
    await page.getByLabel("Why is it withdrawn?").fill("Counted in the theatre productivity line");
    await axeClean(page);
    await page.getByRole("button", { name: "Yes, withdraw it" }).click();
    await page.getByRole("heading", { level: 1, name: "Benefits register" }).waitFor();
    await expect(page.getByRole("status").first()).toContainText("was withdrawn");
    await expect(page.getByRole("table", { name: "Benefit lines" })).not.toContainText(line.title);
    await page.getByRole("heading", { name: "Withdrawn benefits" }).waitFor();
    await page.locator("summary", { hasText: "Changes to the register" }).click();
    const history = page.getByRole("table", { name: "Changes to the register" });
    await expect(history).toContainText(
      `Withdrew the benefit “${line.title}”: Counted in the theatre productivity line`,
    );
    await expect(history).toContainText("Re-recorded the actual for 2025/26 Q3: 450,000 replaced by 440,000");
    await axeClean(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a viewer sees the benefits and the plan with no control they cannot use", async ({
    newPage,
    realise,
  }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "viewer.rgt@demo.realise");
    await page.goto("/trusts/RGT/benefits");
    await page.getByRole("heading", { level: 1, name: "Benefits register" }).waitFor();
    await page.locator("table tbody tr").first().waitFor();
    expect(await page.getByRole("link", { name: "Add a benefit" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: /Import actuals/ }).count()).toBe(0);
    await axeClean(page);
    // Reached by its address, the add form says who may use it instead of offering a form that is refused.
    await page.goto("/trusts/RGT/benefits/new");
    await page.getByRole("heading", { level: 1, name: "You cannot change this register" }).waitFor();
    expect(await page.getByRole("button", { name: "Add the benefit" }).count()).toBe(0);
    await page.goto("/trusts/RGT/benefits");
    await page.locator("table tbody tr").first().waitFor();

    await page.getByRole("table", { name: "Benefit lines" }).getByRole("link").first().click();
    await page.getByRole("heading", { level: 2, name: "History" }).waitFor();
    expect(await page.getByRole("link", { name: "Change this benefit" }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Record an actual" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Withdraw this benefit" }).count()).toBe(0);
    await axeClean(page);

    await page.goto("/trusts/RGT/plan");
    await page.getByRole("table", { name: /Plan items/ }).waitFor();
    expect(await page.getByRole("button", { name: "Add a plan item" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Change/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
    await axeClean(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
