import type { Locator, Page } from "@playwright/test";
import { seriousAxeFindings, signIn } from "../src/browser.js";
import { expect, test } from "../src/fixtures.js";

const EDITOR = "editor.rgt@demo.realise";
const text = async (locator: Locator) => (await locator.textContent()) ?? "";
const gaps = (page: Page) => text(page.locator("ul.realise-gaps"));
const rowOf = (page: Page, name: string) => page.locator("tr", { has: page.getByRole("link", { name }) });

async function axeClean(page: Page) {
  expect(await seriousAxeFindings(page)).toEqual([]);
}

/** Open a functionality's form from the dashboard and wait for fresh data in it. */
async function openForm(page: Page, link: string, heading: string) {
  await page.getByRole("link", { name: link }).first().click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.getByLabel("Coverage (%)").waitFor();
}

test.describe("trust staff's daily workflow in Chromium", () => {
  test("an editor signs in, raises ePMA to the next level, and the dashboard, gaps and history follow", async ({
    newPage,
  }) => {
    const { page, errors, context } = await newPage();

    // A wrong password is reported in the error summary, naming the fields.
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(EDITOR);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Email address or password is not right").first().waitFor();
    expect(page.url()).toContain("/sign-in");
    await axeClean(page);

    await signIn(page, EDITOR);
    expect(new URL(page.url()).pathname).toBe("/trusts/RGT/dashboard");
    await page.getByRole("heading", { level: 1, name: /Cambridge University Hospitals/ }).waitFor();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    expect(await page.getByRole("link", { name: "My trust" }).count()).toBe(1);
    await page.getByRole("heading", { name: "Attained tier 2: Core clinical digitisation" }).waitFor();
    await page.getByRole("heading", { name: "What tier 3 needs" }).waitFor();
    expect(await gaps(page)).toContain("Clinical safety usage 69.8% → 80%");
    // Two charts: the trust's own official trend, and its peers.
    await expect.poll(() => page.locator("figure.realise-chart svg").count()).toBe(2);
    await axeClean(page);

    // The one gap to tier 3 links straight to its form: meet it.
    await openForm(page, "Clinical safety usage 69.8% → 80%", "Digital clinical safety");
    const denominator = await page.getByLabel("Usage denominator").inputValue();
    await page.getByLabel("Usage numerator").fill(denominator);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "Digital clinical safety saved" }).waitFor();
    await page.getByRole("heading", { name: /^Attained tier 3/ }).waitFor();
    await page.getByRole("heading", { name: "What tier 4 needs" }).waitFor();
    expect(await gaps(page)).toContain("ePMA coverage 88% → 90%");

    // ePMA: the form shows the level its measures derive, live, and by which rule.
    await openForm(page, "Inpatient e-prescribing", "Inpatient e-prescribing");
    await axeClean(page);
    const derived = page.locator("#derived-level");
    expect(await text(derived)).toContain("L3 Adopted");
    await page.getByLabel("Coverage (%)").fill("95");
    await page.getByLabel("Usage numerator").fill("3700");
    await expect.poll(() => text(derived)).toContain("L4 Embedded");
    expect(await text(derived)).toContain("rule l4.embedded");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "Inpatient e-prescribing saved" }).waitFor();
    await page.getByText("Its level is now L4 Embedded").waitFor();
    await expect.poll(() => gaps(page)).not.toContain("ePMA");
    expect(await text(rowOf(page, "Inpatient e-prescribing"))).toContain("L4 Embedded");
    expect(await text(rowOf(page, "Inpatient e-prescribing"))).toContain("95%");

    // The change is in the record's history: who, and before → after.
    await openForm(page, "Inpatient e-prescribing", "Inpatient e-prescribing");
    const history = page.locator("table", { hasText: "Changes to this record" }).locator("tbody tr");
    await expect.poll(() => history.count()).toBe(1);
    const entry = await text(history.first());
    expect(entry).toContain(EDITOR);
    expect(entry).toContain("Coverage: 88% → 95%");
    expect(entry).toContain("Usage numerator: 3079 → 3700");

    // A coverage of 150% is refused in the browser by the domain schema, naming the field; nothing is saved.
    await page.getByLabel("Coverage (%)").fill("150");
    await page.getByRole("button", { name: "Save" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("link", { name: "Coverage must be between 0 and 100" }).count()).toBe(1);
    // The inline message sits with the field, and the field says which message describes it.
    const inline = page.locator(".nhsuk-form-group--error", { has: page.locator("#coveragePct") });
    expect(await text(inline.locator(".nhsuk-error-message"))).toContain(
      "Coverage must be between 0 and 100",
    );
    expect(await page.locator("#coveragePct").getAttribute("aria-describedby")).toContain("error");
    await axeClean(page);
    await page.reload();
    await page.getByLabel("Coverage (%)").waitFor();
    expect(await page.getByLabel("Coverage (%)").inputValue()).toBe("95");
    await expect.poll(() => history.count()).toBe(1);

    // Nothing changed in tier 1: one click and a confirmation re-stamp every record of it.
    await page.getByRole("link", { name: "Back to the dashboard", exact: true }).click();
    await page.getByRole("button", { name: "Confirm tier 1 unchanged" }).click();
    await page.getByRole("button", { name: "Yes, confirm tier 1 unchanged" }).click();
    await page.getByText(/^Confirmed \d+ records of tier 1 as unchanged\.$/).waitFor();
    const recent = page.locator("table", { hasText: "Latest changes" });
    await expect.poll(() => text(recent)).toMatch(/Confirmed .+ unchanged/);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("another trust's editor cannot reach RGT's form, and a signed-out visitor is asked to sign in", async ({
    newPage,
  }) => {
    const anonymous = await newPage();
    await anonymous.page.goto("/trusts/RGT/dashboard");
    await anonymous.page.getByRole("heading", { name: "Sign in to see this trust's dashboard" }).waitFor();
    expect(await anonymous.page.getByRole("link", { name: "Sign in" }).count()).toBeGreaterThan(0);
    await axeClean(anonymous.page);
    await anonymous.context.close();

    const { page, errors, context } = await newPage();
    await signIn(page, "editor.rru@demo.realise");
    expect(new URL(page.url()).pathname).toBe("/trusts/RRU/dashboard");
    await page.goto("/trusts/RGT/functionalities/F13");
    await page.getByRole("heading", { level: 1, name: "Your account cannot see this trust" }).waitFor();
    await page.getByText("Your account cannot see trust RGT").waitFor();
    expect(await page.getByLabel("Coverage (%)").count()).toBe(0);
    expect(await page.getByText("Inpatient e-prescribing").count()).toBe(0);
    await axeClean(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the approver checks the list, submits the return, gets a receipt, and withdraws it to unlock", async ({
    newPage,
  }) => {
    const { page, errors, context } = await newPage();
    await signIn(page, "approver.rgt@demo.realise");
    await page.getByRole("heading", { name: /^Return for / }).waitFor();
    await page.getByText(/is due by \d{1,2} [A-Z][a-z]+ \d{4} \((\d+ days? left|due today)\)/).waitFor();
    expect(await page.getByText("Records are locked").count()).toBe(0);

    // The checklist comes first, then the confirmation.
    await page.getByRole("button", { name: /^Submit return for / }).click();
    await page.getByRole("heading", { name: "Before you submit: check these" }).waitFor();
    await page.getByText(/^(Nothing to check|\d+ items? to look at)/).waitFor();
    await page.getByRole("heading", { name: /^Submit the return for .+\?$/ }).waitFor();
    await axeClean(page);
    await page.getByRole("button", { name: /^Yes, submit the return for / }).click();

    // A receipt with the submission's number and the start of its digest; the records lock.
    await page.getByRole("heading", { name: "Records are locked" }).waitFor();
    await page.getByText(/Submission \d+, reference [0-9a-f]{12}\b/).waitFor();
    await page.getByText("Submitted, awaiting validation").first().waitFor();
    await page.getByText("Your trust's approver can withdraw the submission").waitFor();
    expect(await page.getByRole("button", { name: /Submit return for/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Confirm tier \d unchanged/ }).count()).toBe(0);
    await axeClean(page);

    // The functionality form is read-only with the same notice.
    await page.getByRole("link", { name: "Inpatient e-prescribing" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Inpatient e-prescribing" }).waitFor();
    await page.getByRole("heading", { name: "Records are locked" }).waitFor();
    expect(await page.getByRole("button", { name: "Save" }).count()).toBe(0);
    await axeClean(page);
    await page.getByRole("link", { name: "Back to the dashboard", exact: true }).click();

    // Withdrawing (after a confirmation) unlocks the records, and the approver can submit again.
    await page.getByRole("button", { name: "Withdraw submission" }).click();
    await page.getByText(/^Withdraw the submission for .+\?/).waitFor();
    await axeClean(page);
    await page.getByRole("button", { name: "Yes, withdraw the submission" }).click();
    await page.getByText("Withdrawn by the trust").first().waitFor();
    await expect.poll(() => page.getByText("Records are locked").count()).toBe(0);
    await page.getByRole("button", { name: /^Submit return for / }).waitFor();
    expect(await page.getByRole("button", { name: "Withdraw submission" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Confirm tier \d unchanged/ }).count()).toBeGreaterThan(0);
    await axeClean(page);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
