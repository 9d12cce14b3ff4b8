import { expect, test } from "../src/fixtures.js";
import { axeClean, signInAs } from "../src/helpers.js";

const writeControl = /^(Save|Publish|Create|Freeze|Check and freeze|Add|Open for returns|Delete|Remove)\b/;

test.describe("an analyst in Chromium", () => {
  test("sees no write controls on the national administration pages, and is told who can act", async ({
    newPage,
    realise,
  }) => {
    test.setTimeout(180_000);
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "analyst@demo.realise");
    const noWriteButtons = async () =>
      expect(await page.getByRole("button", { name: writeControl }).count()).toBe(0);

    await page.goto("/admin/frameworks");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByText("Only a national administrator can", { exact: false }).first().waitFor();
    await noWriteButtons();

    await page.goto("/admin/registry/RGT");
    await page.getByText("Only a national administrator can change a trust's EPR details").waitFor();
    await page.getByText("Only a national administrator can change a trust's ICB membership").waitFor();
    await noWriteButtons();
    await axeClean(page);

    await page.goto("/admin/registry/peer-groups");
    await page.getByText("Only a national administrator can create a peer group set").waitFor();
    await noWriteButtons();
    await axeClean(page);
    const set = page.locator("main a[href*='/registry/peer-groups/']").first();
    if ((await set.count()) > 0) {
      await set.click();
      await page.getByText("Only a national administrator can change a peer group set").waitFor();
      await noWriteButtons();
      await axeClean(page);
    }

    await page.goto("/admin/accounts");
    await page.getByText("Only a national administrator can see and manage accounts").waitFor();
    expect(await page.getByRole("link", { name: "Create an account" }).count()).toBe(0);
    await noWriteButtons();
    await axeClean(page);

    await page.goto("/admin/collections");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await noWriteButtons();

    expect(errors).toEqual([]);
    await context.close();
  });
});
