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

  test("adds and removes in a draft, turns a criterion into a menu, renames and discards the draft", async ({
    newPage,
    realise,
  }) => {
    test.setTimeout(300_000);
    const { page, errors, context } = await newPage();
    await signInAsAdmin(page, realise.url);
    const versionPage = page.getByRole("heading", { level: 1, name: /Framework version \d+/ });

    await page.goto("/admin/frameworks");
    await page.getByRole("button", { name: "Create draft" }).click();
    await versionPage.waitFor();
    const draftUrl = page.url();

    // A new functionality: the empty form names what is missing, then it is added to the draft.
    await page.getByRole("link", { name: "Add a functionality" }).click();
    await page.getByRole("heading", { level: 1, name: /Add a functionality/ }).waitFor();
    await page.getByRole("button", { name: "Add functionality" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await summary.getByText("Functionality code must look like F01").waitFor();
    await expectAccessible(page);
    await page.getByLabel("Code").fill("F90");
    await page.getByLabel("Name", { exact: true }).fill("Virtual ward monitoring");
    await page.getByLabel("Description").fill("Patients at home monitored from the EPR.");
    await page.getByLabel("Category").fill("Care closer to home");
    await page.getByRole("group", { name: "Applies to" }).getByLabel("Acute", { exact: true }).check();
    await page.getByLabel("Coverage", { exact: true }).fill("% of virtual ward beds monitored in the EPR");
    await page.getByLabel("Usage", { exact: true }).fill("% of readings reviewed in the EPR");
    await page.getByLabel("Usage numerator").fill("Readings reviewed");
    await page.getByLabel("Usage denominator").fill("All readings");
    for (const [level, value] of [
      ["L3", "50"],
      ["L4", "80"],
      ["L5", "95"],
    ] as const) {
      await page.getByLabel(`${level} coverage (%)`).fill(value);
      await page.getByLabel(`${level} usage (%)`).fill(value);
    }
    await page.getByRole("button", { name: "Add functionality" }).click();
    await versionPage.waitFor();
    await page.getByRole("link", { name: "Edit F90 Virtual ward monitoring" }).waitFor();

    // A mandatory criterion on it, then switched to a menu of two.
    await page.getByRole("link", { name: "Add a criterion" }).click();
    await page.getByRole("heading", { level: 1, name: /Add a criterion/ }).waitFor();
    await page.getByLabel("Criterion id").fill("T1-VW");
    await page.getByLabel("F90 Virtual ward monitoring (tier 1)").check();
    await page.getByRole("group", { name: "Applies to" }).getByLabel("Acute", { exact: true }).check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Add criterion" }).click();
    await versionPage.waitFor();
    const criterionRow = page.locator("tr", { hasText: "T1-VW" });
    await expect(criterionRow.locator("td").nth(2)).toHaveText(/Mandatory$/);

    await page.getByRole("link", { name: "Edit criterion T1-VW" }).click();
    await page.getByRole("heading", { level: 1, name: /Criterion T1-VW/ }).waitFor();
    await page.getByLabel("Kind").selectOption("menu");
    await page.getByLabel("F01 Patient administration and master patient index (tier 1)").check();
    await page.getByLabel("How many must be met (k)").fill("3");
    await page.getByRole("button", { name: "Save criterion" }).click();
    await summary.getByText("Menu k cannot exceed the number of functionalities offered").waitFor();
    await page.getByLabel("How many must be met (k)").fill("2");
    await page.getByRole("button", { name: "Save criterion" }).click();
    await versionPage.waitFor();
    await expect(criterionRow.locator("td").nth(2)).toHaveText(/Menu: 2 of 2$/);

    // Removing asks twice; a functionality a criterion still names cannot go.
    await page.getByRole("link", { name: "Edit F90 Virtual ward monitoring" }).click();
    await page.getByRole("button", { name: "Remove functionality F90" }).click();
    await page.getByRole("button", { name: "Yes, remove functionality F90" }).click();
    await summary.getByText(/T1-VW names functionality F90, which does not exist/).waitFor();
    await expectAccessible(page);

    await page.goto(`${draftUrl}`);
    await page.getByRole("link", { name: "Edit criterion T1-VW" }).click();
    await page.getByRole("button", { name: "Remove criterion T1-VW" }).click();
    await page.getByRole("button", { name: "Yes, remove criterion T1-VW" }).click();
    await versionPage.waitFor();
    await expect(criterionRow).toHaveCount(0);
    await page.getByRole("link", { name: "Edit F90 Virtual ward monitoring" }).click();
    await page.getByRole("button", { name: "Remove functionality F90" }).click();
    await page.getByRole("button", { name: "Yes, remove functionality F90" }).click();
    await versionPage.waitFor();
    await expect(page.getByRole("link", { name: "Edit F90 Virtual ward monitoring" })).toHaveCount(0);

    // Renamed and dated from its details page, then discarded from there.
    await page.getByRole("link", { name: /Change the name or effective date/ }).click();
    await page.getByRole("heading", { level: 1, name: /Name and effective date/ }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("EPR route map 2027");
    await page.getByLabel("Day").fill("1");
    await page.getByLabel("Month").fill("4");
    await page.getByLabel("Year").fill("2027");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save name and date" }).click();
    await versionPage.waitFor();
    await page.locator("#details").getByText("EPR route map 2027").waitFor();
    await page.locator("#details").getByText("1 April 2027").waitFor();

    await page.getByRole("link", { name: /Change the name or effective date/ }).click();
    await page.getByRole("heading", { level: 1, name: /Name and effective date/ }).waitFor();
    const version = /Draft version (\d+)/.exec(
      (await page.getByRole("heading", { level: 1 }).textContent()) ?? "",
    )?.[1];
    await page.getByRole("button", { name: `Discard draft version ${version}` }).click();
    await page.getByRole("button", { name: `Yes, discard draft version ${version}` }).click();
    await page.getByRole("heading", { level: 1, name: "National framework" }).waitFor();
    await page.getByText(`Draft version ${version} discarded`).waitFor();
    await expect(page.getByRole("link", { name: `Version ${version}`, exact: true })).toHaveCount(0);
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
