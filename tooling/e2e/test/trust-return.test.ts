import type { Page } from "@playwright/test";
import { seriousAxeFindings, signIn } from "../src/browser.js";
import { expect, test } from "../src/fixtures.js";

const APPROVER = "approver.rgt@demo.realise";
const EDITOR = "editor.rgt@demo.realise";

async function axeClean(page: Page) {
  expect(await seriousAxeFindings(page)).toEqual([]);
}

/** A query as the signed-in page's cookies allow it, read straight from the API (superjson on the wire). */
async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(`/trpc/${path}${search}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

interface Collection {
  period: string;
  dueOn: string;
  phase: string;
  daysUntilDue: number;
}
interface Checklist {
  items: { kind: string; subject: string; message: string }[];
}

const longDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));

test.describe("the quarter's return in Chromium", () => {
  test("the dashboard shows the due date, and the approver's checklist lists what the API finds", async ({
    newPage,
  }) => {
    const { page, errors, context } = await newPage();
    await signIn(page, APPROVER);
    await page.getByRole("heading", { name: /^Return for / }).waitFor();
    const period = ((await page.getByRole("heading", { name: /^Return for / }).textContent()) ?? "").replace(
      "Return for ",
      "",
    );

    // The demo opens the current quarter's collection: its due date, as "1 December 2026", and days left.
    const collection = (await query<Collection[]>(page, "collections.list")).find((c) => c.period === period);
    expect(collection?.phase).toBe("open");
    const days = collection!.daysUntilDue;
    await page
      .getByText(
        `The return for ${period} is due by ${longDate(collection!.dueOn)} (${days === 0 ? "due today" : `${days} day${days === 1 ? "" : "s"} left`}).`,
      )
      .waitFor();
    await axeClean(page);

    // The demo trust has things to check; the page lists each of them, grouped, with a link.
    const checklist = await query<Checklist>(page, "returns.checklist", { odsCode: "RGT", period });
    expect(checklist.items.length).toBeGreaterThan(0);
    await page.getByRole("button", { name: `Submit return for ${period}` }).click();
    await page.getByRole("heading", { name: "Before you submit: check these" }).waitFor();
    await page.getByText(`${checklist.items.length} item`).first().waitFor();
    for (const item of checklist.items) {
      expect(await page.getByRole("link", { name: item.message, exact: true }).count()).toBeGreaterThan(0);
    }
    const claim = checklist.items.find((i) => i.kind === "claim_above_measures" || i.kind === "no_evidence");
    if (claim) {
      await page
        .getByRole("heading", { name: /^(Claims above the measures|Records at L3 or above)/ })
        .first()
        .waitFor();
      expect(
        await page.getByRole("link", { name: claim.message, exact: true }).first().getAttribute("href"),
      ).toBe(`/trusts/RGT/functionalities/${claim.subject}`);
    }
    await axeClean(page);

    // Cancel leaves nothing submitted.
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: `Submit return for ${period}` }).waitFor();
    expect(await page.getByText("Records are locked").count()).toBe(0);

    // An editor sees the state and the due date, not the buttons.
    const editor = await newPage();
    await signIn(editor.page, EDITOR);
    await editor.page.getByRole("heading", { name: `Return for ${period}` }).waitFor();
    await editor.page.getByText(`is due by ${longDate(collection!.dueOn)}`).waitFor();
    await editor.page.getByText("Your trust's approver (the CIO or a deputy) submits the return.").waitFor();
    expect(await editor.page.getByRole("button", { name: /Submit return/ }).count()).toBe(0);
    expect(await editor.page.getByRole("button", { name: "Withdraw submission" }).count()).toBe(0);
    await axeClean(editor.page);
    expect(editor.errors).toEqual([]);
    expect(errors).toEqual([]);
    await editor.context.close();
    await context.close();
  });

  test("while the return is submitted, a benefit actual is refused with the server's message", async ({
    newPage,
  }) => {
    // The editor has a benefit line open when the approver submits.
    const editor = await newPage();
    await signIn(editor.page, EDITOR);
    await editor.page.goto("/trusts/RGT/benefits");
    await editor.page.getByRole("heading", { level: 1, name: "Benefits register" }).waitFor();
    await editor.page.locator("table tbody tr a").first().click();
    await editor.page.getByRole("heading", { name: "Record an actual" }).waitFor();
    expect(await editor.page.getByText("Records are locked").count()).toBe(0);

    const approver = await newPage();
    await signIn(approver.page, APPROVER);
    await approver.page.getByRole("button", { name: /^Submit return for / }).click();
    await approver.page.getByRole("button", { name: /^Yes, submit the return for / }).click();
    await approver.page.getByText(/Submission \d+, reference [0-9a-f]{12}\b/).waitFor();
    await approver.page.getByRole("button", { name: "Withdraw submission" }).waitFor();
    await axeClean(approver.page);

    // The server refuses the write; the error summary names the return and what to do.
    await editor.page.getByLabel(/^Actual value/).fill("1000");
    await editor.page.getByRole("button", { name: "Record the actual" }).click();
    const summary = editor.page.locator(".nhsuk-error-summary");
    await summary.waitFor();
    await summary.getByText(/The return for .+ is submitted; records are locked/).waitFor();
    await summary.getByText(/Your approver can withdraw the submission before it is reviewed/).waitFor();
    // The page now knows the lock too.
    await editor.page.getByRole("heading", { name: "Records are locked" }).waitFor();
    await axeClean(editor.page);

    // The register and the plan say so before anyone tries.
    await editor.page.goto("/trusts/RGT/benefits");
    await editor.page.getByRole("heading", { level: 1, name: "Benefits register" }).waitFor();
    await editor.page.getByRole("heading", { name: "Records are locked" }).waitFor();
    await editor.page.getByRole("button", { name: "Export register as CSV" }).waitFor();
    expect(await editor.page.getByRole("link", { name: "Add a benefit" }).count()).toBe(0);
    expect(await editor.page.getByRole("link", { name: "Import actuals from CSV" }).count()).toBe(0);
    await axeClean(editor.page);
    await editor.page.goto("/trusts/RGT/plan");
    await editor.page.getByRole("heading", { level: 1, name: "Plan to the next tier" }).waitFor();
    await editor.page.getByRole("heading", { name: "Records are locked" }).waitFor();
    expect(await editor.page.getByRole("button", { name: "Add a plan item" }).count()).toBe(0);
    expect(await editor.page.getByRole("button", { name: /^Change/ }).count()).toBe(0);
    await axeClean(editor.page);

    const viewer = await newPage();
    await signIn(viewer.page, "viewer.rgt@demo.realise");
    await viewer.page.goto("/trusts/RGT/benefits");
    await viewer.page.getByRole("button", { name: "Export register as CSV" }).waitFor();
    expect(await viewer.page.getByRole("link", { name: "Add a benefit" }).count()).toBe(0);
    await viewer.page.locator("table tbody tr a").first().click();
    await viewer.page.getByRole("heading", { name: "Actual against trajectory and target" }).waitFor();
    expect(await viewer.page.getByRole("heading", { name: "Record an actual" }).count()).toBe(0);
    await axeClean(viewer.page);
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();

    expect(editor.errors).toEqual([]);
    expect(approver.errors).toEqual([]);
    await editor.context.close();
    await approver.context.close();
  });
});
