import { readFileSync } from "node:fs";
import axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { startRealise, type Running } from "@realise/api/server";
import { createDatabase } from "@realise/db";
import { afterAll, beforeAll, inject } from "vitest";
import { CHROMIUM_ARGS } from "./chromium.js";

let current: Running | undefined;
export const baseUrl = () => {
  if (!current) throw new Error("useServer() must be called in the test file");
  return current.url;
};
export const hasChromium = () => inject("chromium") !== null;

/**
 * A built server of the file's own on a fresh embedded database with demo data, so files never see each
 * other's changes. Also launches the browser.
 */
export function useServer(): { browser(): Browser; server(): Running } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    // A copy of the seeded image: the same data a first start creates, without re-seeding per file.
    const database = await createDatabase({ loadDataDir: new Blob([readFileSync(inject("databaseImage"))]) });
    current = await startRealise({ port: 0, demo: true, database, log: () => {} });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await current?.close();
    await current?.database.close();
    current = undefined;
  });
  return { browser: () => browser!, server: () => current! };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: inject("chromium")!, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh context (own cookies) that never reaches beyond this machine. */
export async function newPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(
    (url) => !/^(127\.0\.0\.1|localhost)$/.test(url.hostname),
    (route) => route.abort(),
  );
  return { context, page, errors };
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** Run axe-core (WCAG 2.2 AA rules) in the page; returns serious and critical findings. */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the debugging protocol, so the page's CSP (no inline scripts) stays on.
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const r = await run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return results.filter((f) => f.impact === "serious" || f.impact === "critical");
}

/** Sign in through the real form. */
export async function signIn(page: Page, email: string, password = "realise-demo"): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}
