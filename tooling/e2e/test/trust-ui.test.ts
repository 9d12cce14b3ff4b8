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

test.describe("the trust app is readable: titles and focus", () => {
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
});
