import { expect, test } from "../src/fixtures.js";
import { axeClean, currentQuarter, quarterRange, shiftQuarter, signInAs } from "../src/helpers.js";

const RGT = "Cambridge University Hospitals NHS Foundation Trust";

const slug = (period: string) => period.replace("/", "-").replace(" ", "-");

test.describe("collections and return decisions in Chromium", () => {
  const current = currentQuarter();

  test("the national admin opens a quarter: the form names each problem, then the quarter is listed", async ({
    newPage,
    realise,
  }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "admin@demo.realise");
    await page.goto("/admin/");
    await page.getByRole("link", { name: "Collections" }).click();
    await page.getByRole("heading", { level: 1, name: "Collections" }).waitFor();
    const list = page.locator("table", { hasText: "Collections, with where each stands today" });
    await list.waitFor();
    expect(await list.innerText()).toContain(current);
    await axeClean(page);

    // Nothing filled in: the browser's own check, from the shared schema.
    await page.getByRole("button", { name: "Open for returns" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await summary.waitFor();
    await expect(summary).toBeFocused();
    expect(await summary.getByRole("link").count()).toBeGreaterThanOrEqual(3);
    await axeClean(page);

    // A due date before the quarter ends: the server's message, on the due date.
    const next = shiftQuarter(current, 1);
    const { start, end } = quarterRange(next);
    await page.getByLabel("Quarter").selectOption(next);
    await page.getByLabel("Opening date").fill(start);
    await page.getByLabel("Due date").fill(start);
    await page.getByRole("button", { name: "Open for returns" }).click();
    const dueMessage = `Due date must be on or after the quarter ends (${end})`;
    await page.getByRole("link", { name: dueMessage }).waitFor();
    await page.locator("#dueOn-error, .nhsuk-error-message", { hasText: dueMessage }).first().waitFor();
    await axeClean(page);

    const due = new Date(Date.parse(`${end}T12:00:00Z`) + 28 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Due date").fill(due);
    await page.getByRole("button", { name: "Open for returns" }).click();
    await page.getByRole("status").getByText(`${next} is open for returns`).waitFor();
    const row = list.locator("tbody tr", { hasText: next });
    await row.waitFor();
    expect(await row.innerText()).toContain("Upcoming");
    // Dates are written out: "1 January 2027".
    expect(await row.innerText()).toMatch(/\b1 (January|April|July|October) \d{4}\b/);
    expect(await page.getByLabel("Quarter").locator("option", { hasText: next }).count()).toBe(0);
    await axeClean(page);

    // The analyst sees the collections but cannot open one.
    const analyst = await newPage();
    await signInAs(analyst.context, realise.url, "analyst@demo.realise");
    await analyst.page.goto("/admin/collections");
    await analyst.page.locator("table", { hasText: next }).waitFor();
    expect(await analyst.page.getByRole("heading", { name: "Open a quarter for returns" }).count()).toBe(0);
    expect(await analyst.page.getByRole("button", { name: "Open for returns" }).count()).toBe(0);
    await axeClean(analyst.page);
    await analyst.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a period's status lists the trusts that have not submitted first, filtered in the URL", async ({
    newPage,
    realise,
  }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "analyst@demo.realise");
    await page.goto("/admin/collections");
    await page
      .getByRole("link", { name: `Trusts' states for ${current}` })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: `Trusts' returns for ${current}` }).waitFor();
    const counts = page.locator("table", { hasText: `Trusts by return state, ${current}` });
    await counts.waitFor();
    expect(await counts.innerText()).toContain("Not started");
    const trusts = page.locator("table", { hasText: "those that have not submitted first" });
    await trusts.waitFor();
    const states = await trusts.locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(states.length).toBeGreaterThan(100);
    // Every trust still to submit comes before the first that has.
    const firstDone = states.findIndex((s) => s === "Submitted" || s === "Accepted");
    const lastToChase = states.findLastIndex((s) => s !== "Submitted" && s !== "Accepted");
    if (firstDone !== -1) expect(lastToChase).toBeLessThan(firstDone);
    expect(states[0]).not.toMatch(/Submitted|Accepted/);
    await axeClean(page);

    await page.getByLabel("Show trusts").selectOption("not_submitted");
    expect(page.url()).toContain("state=not_submitted");
    await expect
      .poll(async () => (await trusts.locator("tbody tr td:nth-child(2)").allInnerTexts()).join("|"))
      .not.toMatch(/Submitted|Accepted/);
    await page.reload();
    await expect(page.getByLabel("Show trusts")).toHaveValue("not_submitted");
    await axeClean(page);

    // An ended quarter: mostly accepted, the trusts without a return named.
    const ended = shiftQuarter(current, -1);
    await page.goto(`/admin/collections/${slug(ended)}?state=accepted`);
    await page.getByRole("heading", { level: 1, name: `Trusts' returns for ${ended}` }).waitFor();
    await page.getByRole("link", { name: `${RGT} (RGT)` }).waitFor();
    await axeClean(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("unlocking an accepted return needs a comment, shown on the field", async ({ newPage, realise }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "admin@demo.realise");
    const ended = shiftQuarter(current, -1);
    await page.goto(`/admin/returns/RGT/${slug(ended)}`);
    await page.getByRole("heading", { level: 1, name: RGT }).waitFor();
    await page.getByText("Accepted", { exact: true }).first().waitFor();
    expect(await page.getByRole("button", { name: "Accept return" }).count()).toBe(0);
    await axeClean(page);

    await page.getByRole("button", { name: "Unlock for the trust to edit" }).click();
    const message = "Comment is required: say why the return is being unlocked";
    await page.getByRole("link", { name: message }).waitFor();
    await page.locator(".nhsuk-error-message", { hasText: message }).waitFor();
    await axeClean(page);

    await page.getByLabel("Comment for the trust").fill("Figures for ward 4 need correcting");
    await page.getByRole("button", { name: "Unlock for the trust to edit" }).click();
    await page.getByText("Return unlocked.").waitFor();
    const history = page.locator("table", { hasText: "Every action on this return" });
    await expect.poll(() => history.innerText()).toContain("Figures for ward 4 need correcting");
    expect(await page.getByRole("button", { name: "Unlock for the trust to edit" }).count()).toBe(0);
    await axeClean(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
