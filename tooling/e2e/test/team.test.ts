import { seriousAxeFindings, signIn } from "../src/browser.js";
import { expect, test } from "../src/fixtures.js";
import { query } from "../src/helpers.js";
import { startSmtpServer } from "../../../packages/api/test/support/smtp.js";

const APPROVER = "approver.rgt@demo.realise";
const COLLEAGUE = "new.pharmacist@test.realise";
const PASSWORD = "violet-harbour-lantern-42";

// Started as the file loads: the file's server is started before any hook and reads SMTP_URL then.
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
test.afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp?.close();
});

test.describe("a trust's team in Chromium", () => {
  test("an approver invites a colleague, who accepts from the emailed link, signs in, works on their own trust only and sees assigned work", async ({
    newPage,
    realise,
  }) => {
    const approver = await newPage();
    await signIn(approver.page, APPROVER);
    await approver.page.goto("/trusts/RGT/team");
    await approver.page.getByRole("heading", { level: 1, name: /Team/ }).waitFor();
    expect(await seriousAxeFindings(approver.page)).toEqual([]);

    // An existing account's address is refused, naming the field.
    await approver.page.getByLabel("Email address").fill("editor.rgt@demo.realise");
    await approver.page.getByRole("button", { name: "Send invitation" }).click();
    await approver.page.getByText("An account already uses editor.rgt@demo.realise").first().waitFor();

    await approver.page.getByLabel("Email address").fill(COLLEAGUE);
    await approver.page.getByLabel("Role", { exact: true }).selectOption("trust_editor");
    await approver.page.getByRole("button", { name: "Send invitation" }).click();
    await approver.page.getByText(`Invitation sent to ${COLLEAGUE}`).waitFor();
    await approver.page.getByRole("button", { name: `Send again to ${COLLEAGUE}` }).waitFor();

    // The email arrives at the real SMTP server with its one-time link.
    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes(COLLEAGUE)).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    const mail = smtp.received.find((m) => m.to.includes(COLLEAGUE))!;
    const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeDefined();
    expect(link!.startsWith(realise.url)).toBe(true);

    const colleague = await newPage();
    await colleague.page.goto(new URL(link!).pathname);
    await colleague.page.getByRole("heading", { level: 1, name: "Accept your invitation" }).waitFor();
    expect(await seriousAxeFindings(colleague.page)).toEqual([]);
    // A weak password is refused, naming the field.
    await colleague.page.getByLabel("Your name").fill("New Pharmacist");
    await colleague.page.getByLabel("Password").fill("password1234");
    await colleague.page.getByRole("button", { name: "Create my account" }).click();
    await colleague.page
      .getByText(/Password is too easy to guess/)
      .first()
      .waitFor();
    await colleague.page.getByLabel("Password").fill(PASSWORD);
    await colleague.page.getByRole("button", { name: "Create my account" }).click();
    await colleague.page.getByRole("heading", { level: 1, name: "Your account is ready" }).waitFor();

    await signIn(colleague.page, COLLEAGUE, PASSWORD);
    expect(new URL(colleague.page.url()).pathname).toBe("/trusts/RGT/dashboard");
    await expect(
      query(colleague.context, realise.url, "adoption.forOrganisation", { odsCode: "RR8" }),
    ).rejects.toThrow(/FORBIDDEN|cannot/);

    // The approver assigns ePMA to the new colleague on the Team page; it shows in their list.
    await approver.page.reload();
    await approver.page.getByRole("heading", { name: "Assign work" }).waitFor();
    await approver.page.getByLabel("What", { exact: true }).selectOption("F13");
    await approver.page.getByLabel("Colleague", { exact: true }).selectOption({ label: "New Pharmacist" });
    await approver.page.getByRole("button", { name: "Assign", exact: true }).click();
    await approver.page.getByText(/Assigned .*\(F13\)\. They have been emailed/).waitFor();
    expect(await seriousAxeFindings(approver.page)).toEqual([]);
    await colleague.page.getByRole("link", { name: "My work" }).click();
    await colleague.page.getByRole("heading", { level: 1, name: "My work" }).waitFor();
    await colleague.page.getByRole("link", { name: /\(F13\)/ }).waitFor();
    expect(await seriousAxeFindings(colleague.page)).toEqual([]);
    expect(colleague.errors).toEqual([]);
    expect(approver.errors).toEqual([]);
  });

  test("a forgotten password is reset from the emailed link, once", async ({ newPage }) => {
    const { page, errors } = await newPage();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("heading", { level: 1, name: "Reset your password" }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByLabel("Email address").fill("viewer.rr8@demo.realise");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByText("If an account uses that address").waitFor();

    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes("viewer.rr8@demo.realise")).length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    const mail = smtp.received.find((m) => m.to.includes("viewer.rr8@demo.realise"))!;
    const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeDefined();
    await page.goto(new URL(link!).pathname);
    await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByLabel("New password").fill(PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("heading", { level: 1, name: "Your password has been changed" }).waitFor();
    await signIn(page, "viewer.rr8@demo.realise", PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/trusts/RR8/dashboard");

    // The link works once.
    await page.goto(new URL(link!).pathname);
    await page.getByLabel("New password").fill(`${PASSWORD}-again`);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("This password reset link has already been used").first().waitFor();
    expect(errors).toEqual([]);
  });
});
