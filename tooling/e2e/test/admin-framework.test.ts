import type { Page } from "@playwright/test";
import { seriousAxeFindings } from "../src/browser.js";
import { expect, test } from "../src/fixtures.js";

/** Sign in through the trust app's form, or through the API when the form is not there. */
async function signInAsAdmin(page: Page, baseUrl: string) {
  await page.goto("/sign-in");
  const email = page.getByLabel("Email address");
  if ((await email.count()) > 0) {
    await email.fill("admin@demo.realise");
    await page.getByLabel("Password").fill("realise-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    return;
  }
  const response = await page.request.post("/api/auth/sign-in/email", {
    data: { email: "admin@demo.realise", password: "realise-demo" },
    headers: { origin: baseUrl },
  });
  expect(response.ok()).toBe(true);
}

async function expectAccessible(page: Page) {
  expect(await seriousAxeFindings(page)).toEqual([]);
}

test.describe("national admin administers the framework in Chromium", () => {
  test("drafts a version, changes a threshold, sees the effect, publishes", async ({ newPage, realise }) => {
    test.setTimeout(300_000);
    const { page, errors, context } = await newPage();
    await signInAsAdmin(page, realise.url);

    await page.goto("/admin/frameworks");
    await page.getByRole("heading", { level: 1, name: "National framework" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Create draft" }).click();
    await page.getByRole("heading", { level: 1, name: /Framework version 2/ }).waitFor();
    expect(page.url()).toMatch(/\/admin\/frameworks\/2$/);
    await expectAccessible(page);

    await page.getByRole("link", { name: /^Edit F01 / }).click();
    await page.getByRole("heading", { level: 1, name: /F01/ }).waitFor();
    await expectAccessible(page);

    // A threshold below the level beneath it is refused in the browser, naming the field.
    await page.getByLabel("L4 coverage (%)").fill("10");
    await page.getByRole("button", { name: "Save functionality" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await summary.getByText("L4 coverage threshold cannot be below L3's").waitFor();
    await expectAccessible(page);
    await summary.getByRole("link", { name: "L4 coverage threshold cannot be below L3's" }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe("functionality-thresholds-l4-coveragePct");

    for (const level of ["L3", "L4", "L5"]) {
      await page.getByLabel(`${level} coverage (%)`).fill("100");
      await page.getByLabel(`${level} usage (%)`).fill("100");
    }
    await page.getByRole("button", { name: "Save functionality" }).click();
    await page.getByRole("heading", { level: 1, name: /Framework version 2/ }).waitFor();
    const f01 = page.locator("tr", { hasText: "Patient administration" }).first();
    await expect.poll(() => f01.locator("td").nth(4).textContent()).toContain("100 / 100");

    await page.getByRole("link", { name: "see its effect on trusts" }).click();
    await page.getByRole("heading", { level: 1, name: /Effect on trusts/ }).waitFor();
    const allTrusts = page.locator("table", { hasText: "Tier change by trust type" }).locator("tr", {
      hasText: "All trusts",
    });
    await allTrusts.waitFor();
    const down = Number(await allTrusts.locator("td").nth(4).textContent());
    expect(down).toBeGreaterThan(0);
    expect(await allTrusts.locator("td").nth(1).textContent()).toBe("202");
    await expectAccessible(page);

    await page.goto("/admin/frameworks/2/crosswalk");
    await page.getByRole("heading", { level: 1, name: /Crosswalk from version 1/ }).waitFor();
    expect(await page.getByLabel("What happened to F01").inputValue()).toBe("kept");
    await expectAccessible(page);

    await page.goto("/admin/frameworks/2/publish");
    await page.getByRole("heading", { level: 1, name: "Publish version 2" }).waitFor();
    await page.getByText(`${down} down`).waitFor();
    // The page says how many records will be carried, changed and dropped, and asks to confirm them.
    const counts = page.getByTestId("record-counts");
    await counts.getByText(/^\d+ carried forward$/).waitFor();
    await expect(counts.getByText(/^0 dropped/)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Publish version 2" }).click();
    await page
      .getByRole("link", { name: "Confirm the records that will be carried, changed and dropped" })
      .waitFor();
    await expectAccessible(page);
    await page.getByLabel(/^I have checked: \d+ records carried \(\d+ changed\), 0 dropped$/).check();
    await page.getByRole("button", { name: "Publish version 2" }).click();
    await page.getByText("Version 2 published").waitFor();
    await page.getByText(/\d+ records carried forward \(\d+ with a new code or level\), 0 dropped/).waitFor();
    await expectAccessible(page);

    await page.goto("/admin/frameworks");
    await page.locator("tr", { hasText: "Version 2" }).getByText("Published").waitFor();
    await page.locator("tr", { hasText: "Version 1" }).getByText("Retired").waitFor();
    // The published version offers no edit links any more.
    await page.goto("/admin/frameworks/2");
    await page.getByRole("heading", { name: "This version is published" }).waitFor();
    expect(await page.getByRole("link", { name: /^Edit F01 / }).count()).toBe(0);

    await page.goto("/admin/frameworks/diff?from=1&to=2");
    await page.getByRole("heading", { level: 1, name: "Changes from version 1 to version 2" }).waitFor();
    await page
      .locator("tr", { hasText: "F01" })
      .getByText(/thresholds\.l3\.coveragePct: \d+ → 100; thresholds\.l3\.usagePct: \d+ → 100/)
      .waitFor();
    await expectAccessible(page);

    expect(errors).toEqual([]);
    await context.close();
  });

  test("shows the registry, peer groups and accounts pages without accessibility faults", async ({
    newPage,
    realise,
  }) => {
    test.setTimeout(180_000);
    const { page, errors, context } = await newPage();
    await signInAsAdmin(page, realise.url);

    await page.goto("/admin/registry?search=Guy");
    await page.getByRole("heading", { level: 1, name: "Organisation registry" }).waitFor();
    await page.locator("table tbody tr").first().waitFor();
    await expectAccessible(page);

    await page.goto("/admin/registry/RGT");
    await page.getByRole("heading", { level: 2, name: "Electronic patient record" }).waitFor();
    await page.getByLabel("EPR product").fill("Epic (test)");
    await page.getByRole("button", { name: "Save EPR details" }).click();
    await page.getByText("EPR details saved.").waitFor();
    await expectAccessible(page);

    await page.goto("/admin/registry/peer-groups");
    await page.getByRole("heading", { level: 1, name: "Peer group sets" }).waitFor();
    await page.getByLabel("Set id").fill("by-type");
    await page.getByLabel("Set name").fill("By trust type");
    await page.getByRole("button", { name: "Create set" }).click();
    await page.getByRole("heading", { level: 1, name: "By trust type" }).waitFor();
    await expectAccessible(page);

    await page.goto("/admin/accounts");
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
    await page.getByRole("link", { name: "admin@demo.realise" }).waitFor();
    await expectAccessible(page);

    await page.goto("/admin/accounts/new");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.locator(".nhsuk-error-summary").waitFor();
    await expectAccessible(page);

    expect(errors).toEqual([]);
    await context.close();
  });
});
