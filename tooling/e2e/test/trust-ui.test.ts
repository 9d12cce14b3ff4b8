import type { Page } from "@playwright/test";
import { signIn } from "../src/browser.js";
import { expect, test } from "../src/fixtures.js";
import { axeClean } from "../src/helpers.js";

const EDITOR = "editor.rgt@demo.realise";
const TRUST = "Cambridge University Hospitals NHS Foundation Trust";

/** The text of the element that has focus, and whether it is the page's main heading. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? "", text: el?.textContent ?? "", inMain: !!el?.closest("main") };
  });

test.describe("the trust app is readable and honest", () => {
  test("every page has its own title, and navigation moves focus to the main heading", async ({
    newPage,
  }) => {
    const { page, errors } = await newPage();
    await page.goto("/sign-in");
    await expect(page).toHaveTitle("Sign in – Realise");

    await signIn(page, EDITOR);
    await page.getByRole("heading", { level: 1, name: new RegExp(TRUST) }).waitFor();
    await expect(page).toHaveTitle(`Adoption dashboard: ${TRUST} – Realise`);

    // Following a link inside the app: a new title, and focus on the new page's heading.
    await page.getByRole("link", { name: "Inpatient e-prescribing" }).first().click();
    await page.getByRole("heading", { level: 1, name: /Inpatient e-prescribing/ }).waitFor();
    await expect(page).toHaveTitle(/^Inpatient e-prescribing \(\w+\): Cambridge University Hospitals/);
    await expect.poll(async () => (await focused(page)).tag).toBe("H1");
    expect((await focused(page)).text).toContain("Inpatient e-prescribing");

    await page.getByRole("link", { name: "Back to the dashboard", exact: true }).click();
    await expect.poll(async () => (await focused(page)).text).toContain(TRUST);
    await page.getByRole("link", { name: "Plan and forecast" }).click();
    await expect(page).toHaveTitle("Plan and forecast: RGT – Realise");
    await expect.poll(async () => (await focused(page)).tag).toBe("H1");

    await page.goto("/no-such-page");
    await expect(page).toHaveTitle("Page not found – Realise");
    expect(errors).toEqual([]);
  });

  test("the national app titles its pages and moves focus too", async ({ newPage }) => {
    const { page, errors } = await newPage();
    await signIn(page, "admin@demo.realise");
    await page.goto("/admin/");
    await expect(page).toHaveTitle("National overview – Realise national view");
    await page.getByRole("link", { name: "See trusts by functionality (heatmap)" }).click();
    await expect(page).toHaveTitle("Heatmap – Realise national view");
    await expect.poll(async () => (await focused(page)).tag).toBe("H1");
    expect((await focused(page)).inMain).toBe(true);
    await page.goto("/admin/frameworks");
    await expect(page).toHaveTitle("Framework versions – Realise national view");
    await page
      .getByRole("link", { name: /^Version / })
      .first()
      .click();
    await expect(page).toHaveTitle(/^Framework version \S+ – Realise national view$/);
    await expect.poll(async () => (await focused(page)).tag).toBe("H1");
    await axeClean(page);
    expect(errors).toEqual([]);
  });

  test("every tier is explained: own and carried criteria, mandatory or menu, level needed, what is missing", async ({
    newPage,
  }) => {
    const { page, errors } = await newPage();
    await signIn(page, EDITOR);
    await page.getByRole("heading", { level: 1, name: new RegExp(TRUST) }).waitFor();
    // Tier 3 is next for the demo trust: its criteria are open; the others are one click away.
    const tier3 = page.locator('details[data-tier="3"]');
    expect(await tier3.getAttribute("open")).not.toBeNull();
    const rows = tier3.locator("tbody tr");
    const texts = await rows.allTextContents();
    expect(texts.filter((t) => t.includes("(carried from tier 1)")).length).toBe(5);
    expect(texts.some((t) => /Menu: any 2 of 3/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes("L4 Embedded"))).toBe(true);
    // The counts say which criteria are the tier's own and which come from lower tiers.
    await page
      .getByText(
        /Criteria met: \d+ of 5 mandatory functionalities of this tier; \d of 2 from the menu; \d of 5 carried from lower tiers/,
      )
      .first()
      .waitFor();
    // Tier 1 (attained) is explained too, behind its summary.
    const tier1 = page.locator('details[data-tier="1"]');
    await tier1.locator("summary").click();
    expect(await tier1.locator("tbody tr").count()).toBeGreaterThanOrEqual(6);
    expect(await tier1.locator("tbody").textContent()).toContain("Met");
    // The trust's own official trend: a chart and its table twin, one row per published period.
    const trend = page.getByRole("table", { name: "Official tier and key measures by period" });
    await trend.waitFor();
    expect(await trend.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("section[aria-labelledby=trend-heading] figure svg").count()).toBe(1);
    await axeClean(page);
    expect(errors).toEqual([]);
  });

  test("the help page explains levels, tiers, criteria, measures, validation and system values", async ({
    newPage,
  }) => {
    const { page, errors } = await newPage();
    await page.goto("/help");
    await expect(page).toHaveTitle("How Realise measures EPR adoption – Realise");
    for (const name of [
      "Adoption levels (L0 to L5)",
      "Measures: coverage and usage",
      "Tiers",
      "Mandatory and menu criteria",
      "Validation states",
      "Values reported by systems",
    ])
      await page.getByRole("heading", { level: 2, name }).waitFor();
    await axeClean(page);
    expect(errors).toEqual([]);
  });

  test("a viewer sees no control they cannot use; trust staff see no national link; evidence is clickable", async ({
    newPage,
  }) => {
    const editor = await newPage();
    await signIn(editor.page, EDITOR);
    await editor.page.getByRole("heading", { level: 1, name: new RegExp(TRUST) }).waitFor();
    expect(await editor.page.getByRole("link", { name: "National view" }).count()).toBe(0);
    // The editor links a piece of evidence to a record.
    await editor.page.getByRole("link", { name: "Inpatient e-prescribing" }).first().click();
    await editor.page.getByLabel("Coverage (%)").waitFor();
    await editor.page.getByRole("button", { name: "Add an evidence link" }).click();
    await editor.page.getByLabel("Evidence 1 label").fill("ePMA audit, November");
    await editor.page.getByLabel("Evidence 1 web address").fill("https://intranet.example.nhs.uk/epma-audit");
    await editor.page.getByRole("button", { name: "Save" }).click();
    await editor.page.getByRole("heading", { name: "Inpatient e-prescribing saved" }).waitFor();
    expect(editor.errors).toEqual([]);

    const { page, errors } = await newPage();
    await signIn(page, "viewer.rgt@demo.realise");
    await page.getByRole("heading", { level: 1, name: new RegExp(TRUST) }).waitFor();
    await page.getByRole("heading", { name: "Recent changes" }).waitFor();
    for (const name of [/^Confirm tier/, /^Submit/, /^Withdraw/])
      expect(await page.getByRole("button", { name }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "National view" }).count()).toBe(0);
    // Recent changes read in words, with the functionality's name and code, never an action code.
    const recent = await page.locator("table", { hasText: "Latest changes" }).textContent();
    expect(recent).toMatch(/Updated Inpatient e-prescribing \(F\d+\): Evidence links none → 1 link/);
    expect(recent).not.toMatch(/adoption\.|return\.|benefit\./);
    await axeClean(page);

    // The record reads as values, not as a disabled form; the evidence opens.
    await page.getByRole("link", { name: "Inpatient e-prescribing" }).first().click();
    await page.getByRole("heading", { name: "Recorded values" }).waitFor();
    expect(await page.getByRole("textbox").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save" }).count()).toBe(0);
    const evidence = page.getByRole("link", { name: /ePMA audit, November/ });
    expect(await evidence.getAttribute("href")).toBe("https://intranet.example.nhs.uk/epma-audit");
    await axeClean(page);
    expect(errors).toEqual([]);
  });

  test("burden: one functionality update takes 3 interactions, a tier confirmed unchanged 2", async ({
    newPage,
  }) => {
    const { page, errors } = await newPage();
    await signIn(page, EDITOR);
    await page.getByRole("heading", { level: 1, name: new RegExp(TRUST) }).waitFor();
    let update = 0;
    const act = async (step: () => Promise<unknown>) => {
      update += 1;
      await step();
    };
    // From the dashboard: open the record, change the value, save.
    await act(() => page.getByRole("link", { name: "Inpatient e-prescribing" }).first().click());
    await page.getByLabel("Coverage (%)").waitFor();
    await act(() => page.getByLabel("Coverage (%)").fill("97"));
    await act(() => page.getByRole("button", { name: "Save" }).click());
    await page.getByRole("heading", { name: "Inpatient e-prescribing saved" }).waitFor();
    console.log(`Interactions for one functionality update: ${update}`);
    expect(update).toBeLessThanOrEqual(3);

    let confirm = 0;
    const tap = async (name: string) => {
      confirm += 1;
      await page.getByRole("button", { name }).click();
    };
    await tap("Confirm tier 1 unchanged");
    await tap("Yes, confirm tier 1 unchanged");
    await page.getByText(/^Confirmed \d+ records of tier 1 as unchanged\.$/).waitFor();
    console.log(`Interactions for a tier confirmed unchanged: ${confirm}`);
    expect(confirm).toBe(2);
    expect(errors).toEqual([]);
  });

  test("a garbled or failed answer says what to do, never the parser's text", async ({ newPage }) => {
    const { page, errors } = await newPage();
    await signIn(page, EDITOR);
    await page.getByRole("heading", { level: 1, name: new RegExp(TRUST) }).waitFor();
    // A proxy answers with its own HTML page where the API's JSON was expected.
    await page.route(
      (url) => url.pathname.startsWith("/trpc/") && url.pathname.includes("adoption.forOrganisation"),
      (route) =>
        route.fulfill({ status: 200, contentType: "text/html", body: "<!DOCTYPE html><p>Proxy</p>" }),
    );
    await page.goto("/trusts/RGT/dashboard");
    await page.getByRole("heading", { level: 1, name: "Sorry, there is a problem" }).waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Check your connection");
    expect(main).not.toMatch(/DOCTYPE|JSON|Unexpected token/);
    await page.getByRole("link", { name: "Reload this page" }).waitFor();
    await expect(page).toHaveTitle(/– Realise$/);
    await axeClean(page);
    expect(errors).toEqual([]);
  });
});
