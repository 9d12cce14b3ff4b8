import type { Page } from "@playwright/test";
import { insertCollection } from "@realise/db";
import { expect, test } from "../src/fixtures.js";
import {
  axeClean,
  currentQuarter,
  mutate,
  query,
  quarterRange,
  shiftQuarter,
  signInAs,
} from "../src/helpers.js";

const RGT = "Cambridge University Hospitals NHS Foundation Trust";

/** The text of a trust's cell for a functionality in the heatmap's table view. */
async function levelCell(page: Page, odsCode: string, code: string) {
  const table = page.locator("table", { hasText: "Adoption level by trust" });
  await table.waitFor();
  const headers = await table.locator("thead th").allInnerTexts();
  const column = headers.findIndex((h) => h.trim() === code);
  expect(column).toBeGreaterThan(1);
  return table
    .locator("tbody tr", { hasText: `(${odsCode})` })
    .locator("th, td")
    .nth(column)
    .innerText();
}

test.describe("the national team in Chromium", () => {
  const period = currentQuarter();

  test("shows the nation with filters in the URL, a caveat, and accessible charts", async ({
    newPage,
    realise,
  }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "admin@demo.realise");
    await page.goto("/admin/");
    await page.getByRole("heading", { level: 1, name: "EPR adoption across England" }).waitFor();
    await page.getByRole("heading", { name: "Not a league table" }).waitFor();
    await page.getByText(/202 trusts in view/).waitFor();
    await page.locator("table", { hasText: "Trusts by EPR status" }).waitFor();
    await page.getByRole("heading", { name: "Roadmap milestones" }).waitFor();
    expect(await page.locator("figure.realise-chart svg").count()).toBeGreaterThanOrEqual(4);
    await axeClean(page);

    await page.getByLabel("Trust type").selectOption("ambulance");
    await page.getByText(/10 trusts in view/).waitFor();
    expect(page.url()).toContain("trustType=ambulance");
    await page.getByLabel("Group trusts by").selectOption("icb");
    await page.getByRole("heading", { name: "By icb" }).waitFor();
    expect(page.url()).toContain("groupBy=icb");

    // A shared link opens the same view.
    const shared = await newPage();
    await signInAs(shared.context, realise.url, "analyst@demo.realise");
    await shared.page.goto(page.url());
    await shared.page.getByText(/10 trusts in view/).waitFor();
    await shared.context.close();

    await page.getByRole("link", { name: "See trusts by functionality (heatmap)" }).click();
    await page.getByRole("heading", { level: 1, name: "Adoption by trust and functionality" }).waitFor();
    await page.getByText(/^10 trusts ×/).waitFor();
    await page.locator("figure.realise-heatmap canvas").first().waitFor();
    await axeClean(page);
    await page.getByRole("link", { name: "Show as a table" }).click();
    await page.locator("table", { hasText: "Adoption level by trust" }).waitFor();
    expect(await page.locator("table tbody tr").count()).toBe(10);
    await axeClean(page);

    await page.goto("/admin/summary");
    await page.getByRole("heading", { level: 1, name: "National summary" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test("reflects a trust's update on the next load", async ({ newPage, realise }) => {
    const trust = await newPage();
    await signInAs(trust.context, realise.url, "editor.rr8@demo.realise");
    const dash = await query<{
      records: { functionalityCode: string; level: number; version: number }[];
    }>(trust.context, realise.url, "adoption.forOrganisation", { odsCode: "RR8" });
    const record = dash.records.find((r) => r.level >= 2)!;
    expect(record).toBeDefined();

    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "admin@demo.realise");
    await page.goto("/admin/heatmap?view=table&trustType=acute&region=North+East+and+Yorkshire");
    expect(await levelCell(page, "RR8", record.functionalityCode)).toBe(`L${record.level}`);

    const saved = await mutate<{ record: { level: number } }>(trust.context, realise.url, "adoption.update", {
      odsCode: "RR8",
      functionalityCode: record.functionalityCode,
      expectedVersion: record.version,
      values: {
        coveragePct: null,
        usageNumerator: null,
        usageDenominator: null,
        measurementWindowStart: null,
        measurementWindowEnd: null,
        paperRetired: false,
        plannedGoLive: null,
        claimedLevel: null,
        claimReason: null,
        evidence: [],
        notes: "Service withdrawn",
      },
    });
    expect(saved.record.level).toBeLessThan(record.level);
    await page.reload();
    expect(await levelCell(page, "RR8", record.functionalityCode)).toBe(`L${saved.record.level}`);
    expect(errors).toEqual([]);
    await trust.context.close();
    await context.close();
  });

  test("accepts a submitted return after comparing it with the previous period", async ({
    newPage,
    realise,
  }) => {
    const approver = await newPage();
    await signInAs(approver.context, realise.url, "approver.rgt@demo.realise");
    await mutate(approver.context, realise.url, "returns.submit", { odsCode: "RGT", period });
    await approver.context.close();

    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "admin@demo.realise");
    await page.goto("/admin/returns");
    await page.getByRole("heading", { level: 1, name: "Returns" }).waitFor();
    const link = page.getByRole("link", { name: `${RGT} (RGT)` });
    await link.waitFor();
    await axeClean(page);

    await link.click();
    await page.getByRole("heading", { level: 1, name: RGT }).waitFor();
    await page.getByText("Awaiting validation").first().waitFor();
    await page
      .locator("table", { hasText: `against ${period.replace(/Q\d/, "")}` })
      .first()
      .waitFor();
    await axeClean(page);

    // Sending back needs a comment: the error summary names the field.
    await page.getByRole("button", { name: "Send back to the trust" }).click();
    await page.getByRole("link", { name: "Enter a comment telling the trust what to change" }).waitFor();
    await axeClean(page);

    await page.getByRole("button", { name: "Accept return" }).click();
    await page.getByText("Return accepted.").waitFor();
    await page.getByText("Accepted", { exact: true }).first().waitFor();
    const history = page.locator("table", { hasText: "Every action on this return" });
    await expect.poll(() => history.innerText()).toContain("accept");
    expect(await history.innerText()).toContain("admin@demo.realise");
    expect(await page.getByRole("button", { name: "Accept return" }).count()).toBe(0);
    await axeClean(page);

    await page.getByRole("link", { name: "Back to returns" }).click();
    await page.getByText(/No returns are awaiting validation/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test("shows the current period as provisional with no freeze, a published period's official figures, and confirms a freeze of an ended period", async ({
    newPage,
    realise,
  }) => {
    const { page, errors, context } = await newPage();
    await signInAs(context, realise.url, "admin@demo.realise");

    // The current quarter has not ended: provisional figures, the reason, and nothing to press.
    await page.goto(`/admin/snapshots?period=${encodeURIComponent(period)}`);
    await page.getByRole("heading", { level: 1, name: "Official figures" }).waitFor();
    await page.getByRole("heading", { name: `Provisional figures for ${period}` }).waitFor();
    await page.getByText(`${period} has not ended yet`).waitFor();
    await page.getByText("Provisional", { exact: true }).first().waitFor();
    expect(await page.getByRole("button", { name: /freeze/i }).count()).toBe(0);
    await axeClean(page);

    // The quarter before is published in the demo: its official figures, never a freeze.
    const published = shiftQuarter(period, -1);
    await page.goto(`/admin/snapshots?period=${encodeURIComponent(published)}`);
    await page.getByRole("heading", { name: `Official figures for ${published}` }).waitFor();
    await page.getByText("Official", { exact: true }).waitFor();
    await page.locator("table", { hasText: `Trusts by attained tier, ${published}` }).waitFor();
    expect(await page.getByRole("button", { name: /freeze/i }).count()).toBe(0);
    await axeClean(page);

    // A quarter that ended before the demo's history has no official figures yet. A late collection is
    // opened for it (in the database: the form refuses a due date in the past) and one trust's return is
    // submitted and accepted, so there is something official to publish; the confirmation names the
    // period and shows the return counts before anything is published.
    const ended = shiftQuarter(period, -5);
    const { start, end } = quarterRange(ended);
    await insertCollection(realise.database.db, {
      period: ended,
      opensOn: start,
      dueOn: end,
      frameworkVersion: 1,
      openedBy: "admin@demo.realise",
    });
    const approver = await newPage();
    await signInAs(approver.context, realise.url, "approver.rgt@demo.realise");
    await mutate(approver.context, realise.url, "returns.submit", { odsCode: "RGT", period: ended });
    await approver.context.close();
    await mutate(context, realise.url, "returns.accept", { odsCode: "RGT", period: ended });
    await page.goto(`/admin/snapshots?period=${encodeURIComponent(ended)}`);
    await page.getByRole("heading", { name: `Provisional figures for ${ended}` }).waitFor();
    await page.getByRole("button", { name: `Check and freeze ${ended}` }).click();
    const confirmation = page.getByRole("region", { name: `Confirm the official figures for ${ended}` });
    await confirmation.waitFor();
    const counts = await query<{ returnCounts: Record<string, number> }>(
      context,
      realise.url,
      "snapshots.preview",
      { period: ended },
    );
    const count = (key: string) =>
      confirmation.locator(".nhsuk-summary-list__row", { hasText: key }).locator("dd").innerText();
    expect(await count("Accepted")).toBe(String(counts.returnCounts.accepted));
    expect(await count("Submitted, not yet reviewed")).toBe(String(counts.returnCounts.submitted));
    expect(await count("Sent back")).toBe(String(counts.returnCounts.returned));
    expect(await count("Missing")).toBe(String(counts.returnCounts.missing));
    expect(counts.returnCounts.accepted).toBe(1);
    expect(counts.returnCounts.missing).toBeGreaterThan(0);
    await axeClean(page);
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await confirmation.count()).toBe(0);
    await page.getByRole("button", { name: `Check and freeze ${ended}` }).click();
    const freezeButton = page.getByRole("button", {
      name: `Freeze and publish official figures for ${ended}`,
    });

    // Counts that moved since the confirmation was drawn (stood in for by a changed request): the server
    // refuses and the page says so, publishing nothing.
    const stale = (url: URL) => url.pathname.includes("snapshots.freeze");
    await page.route(stale, (route) =>
      route.continue({
        postData: (route.request().postData() ?? "").replace(
          /"expectedAccepted":\d+/,
          '"expectedAccepted":9999',
        ),
      }),
    );
    await freezeButton.click();
    await page.locator(".nhsuk-error-summary", { hasText: "changed since you checked them" }).waitFor();
    await expect(page.locator(".nhsuk-error-summary")).toBeFocused();
    await axeClean(page);
    await page.unroute(stale);
    expect(await freezeButton.count()).toBe(1);

    await freezeButton.click();
    await page.getByText(`The official figures for ${ended} are published.`).waitFor();
    await page.getByRole("heading", { name: `Official figures for ${ended}` }).waitFor();
    expect(await page.locator(".nhsuk-error-summary").count()).toBe(0);
    expect(await page.getByRole("button", { name: /freeze/i }).count()).toBe(0);
    await axeClean(page);

    const again = await context.request.post(`${realise.url}/trpc/snapshots.freeze`, {
      data: { json: { period: ended } },
      headers: { origin: realise.url },
    });
    expect(again.status()).toBe(412);
    const current = await context.request.post(`${realise.url}/trpc/snapshots.freeze`, {
      data: { json: { period } },
      headers: { origin: realise.url },
    });
    expect(current.status()).toBe(412);

    const open = await (await fetch(`${realise.url}/api/v1/snapshots`)).json();
    const openPeriods = open.data.map((s: { period: string }) => s.period);
    expect(openPeriods).toContain(ended);
    expect(openPeriods).toContain(published);
    expect(openPeriods).not.toContain(period);

    // The analyst sees the figures but not the freeze.
    const analyst = await newPage();
    await signInAs(analyst.context, realise.url, "analyst@demo.realise");
    await analyst.page.goto(`/admin/snapshots?period=${encodeURIComponent(shiftQuarter(period, -6))}`);
    await analyst.page.getByRole("heading", { name: /^Provisional figures for/ }).waitFor();
    await analyst.page.locator("table", { hasText: "Trusts by attained tier" }).waitFor();
    expect(await analyst.page.getByRole("button", { name: /freeze/i }).count()).toBe(0);
    await analyst.context.close();

    await page.goto("/admin/");
    const trends = page.locator("table", { hasText: "Trusts per tier and with a live EPR, by period" });
    await trends.waitFor();
    expect(await trends.innerText()).toContain(published);
    expect(errors).toEqual([]);
    await context.close();
  });
});
