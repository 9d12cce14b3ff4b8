import { expect, test } from "../src/fixtures.js";
import { axeClean, signInAs } from "../src/helpers.js";

test.describe("connected systems in Chromium", () => {
  test("the approver registers a system, sees its secret once, and pauses it; a viewer gets no controls", async ({
    newPage,
    realise,
  }) => {
    const { page, context, errors } = await newPage();
    await signInAs(context, realise.url, "approver.rgt@demo.realise");
    await page.goto("/trusts/RGT/systems");
    await page.getByRole("heading", { level: 1, name: "Connected systems" }).waitFor();
    await page.getByText("No system is connected yet.").waitFor();
    await axeClean(page);

    // An empty name is refused with the error summary.
    await page.getByRole("button", { name: "Register the system" }).click();
    await page.getByRole("heading", { name: "There is a problem" }).waitFor();

    await page.getByLabel("Name of the system").fill("EPR nightly feed");
    await page.getByRole("button", { name: "Register the system" }).click();
    await page.getByRole("heading", { name: "Copy the secret for EPR nightly feed now" }).waitFor();
    const secret = (await page.getByTestId("client-secret").textContent())!;
    expect(secret.length).toBeGreaterThan(30);
    await axeClean(page);

    // The secret works once copied: the token endpoint takes it.
    const clientId = (await page.getByTestId("client-id").textContent())!;
    const token = await context.request.post(`${realise.url}/oauth/token`, {
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`,
      },
      data: "grant_type=client_credentials",
    });
    expect(token.status()).toBe(200);

    await page.getByRole("button", { name: "I have copied the secret" }).click();
    const row = page.getByRole("row", { name: /EPR nightly feed/ });
    await row.getByText("Active").waitFor();
    // Shown once: after it is dismissed, nothing on the page (or a reload) holds the secret.
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await row.getByText("Active").waitFor();
    expect(await page.content()).not.toContain(secret);

    await row.getByRole("button", { name: "Pause EPR nightly feed" }).click();
    await row.getByText("Paused").waitFor();
    await row.getByRole("button", { name: "Resume EPR nightly feed" }).waitFor();
    await axeClean(page);
    const refused = await context.request.post(`${realise.url}/oauth/token`, {
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`,
      },
      data: "grant_type=client_credentials",
    });
    expect(refused.status()).toBe(401);
    expect(errors).toEqual([]);

    const viewer = await newPage();
    await signInAs(viewer.context, realise.url, "viewer.rgt@demo.realise");
    await viewer.page.goto("/trusts/RGT/systems");
    await viewer.page
      .getByRole("row", { name: /EPR nightly feed/ })
      .getByText("Paused")
      .waitFor();
    await viewer.page.getByText("Your trust's approver registers").waitFor();
    expect(await viewer.page.getByRole("button", { name: /Pause|Resume|Revoke|Register/ }).count()).toBe(0);
  });
});
