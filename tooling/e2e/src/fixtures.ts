import { readFileSync } from "node:fs";
import { type BrowserContext, test as base, type Page } from "@playwright/test";
import { type Running, startRealise } from "@realise/api/server";
import { createDatabase } from "@realise/db";
import { chromiumPath } from "./chromium.js";
import { DATABASE_IMAGE_ENV } from "./global-setup.js";

export { expect } from "@playwright/test";

export const hasChromium = () => chromiumPath() !== undefined;
export const NO_CHROMIUM = "Chromium is not installed (set E2E_REQUIRED=1 to fail instead)";

/** A fresh context (own cookies) that never reaches beyond this machine, and the page errors it saw. */
export interface FreshPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

interface FileServers {
  /** The server of the given test file, started on its first test. */
  forFile(file: string): Promise<Running>;
}

/** A built server on a fresh copy of the seeded image, so files never see each other's changes. */
async function startFromImage(): Promise<Running> {
  const image = process.env[DATABASE_IMAGE_ENV];
  if (!image) throw new Error(`${DATABASE_IMAGE_ENV} is not set: the global setup did not run`);
  const database = await createDatabase({ loadDataDir: new Blob([readFileSync(image)]) });
  return startRealise({ port: 0, demo: true, database, log: () => {} });
}

async function stop(running: Running): Promise<void> {
  await running.close();
  await running.database.close();
}

export const test = base.extend<
  { chromium: void; realise: Running; newPage: () => Promise<FreshPage> },
  { fileServers: FileServers }
>({
  // Every browser test needs Debian's Chromium (a downloaded browser cannot run here). On a machine
  // without it the tests are skipped with this reason, so `pnpm test` still runs everything else; CI sets
  // E2E_REQUIRED=1, which the global setup turns into a failure instead, so CI never skips them.
  chromium: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, use, testInfo) => {
      testInfo.skip(!hasChromium(), NO_CHROMIUM);
      await use();
    },
    { auto: true },
  ],
  // Playwright has no file scope: the worker keeps the current file's server and replaces it when the
  // worker moves on to the next file (one worker runs the files one after another).
  fileServers: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, use) => {
      let current: { file: string; running: Running } | undefined;
      await use({
        async forFile(file) {
          if (current?.file !== file) {
            const previous = current;
            current = undefined;
            if (previous) await stop(previous.running);
            current = { file, running: await startFromImage() };
          }
          return current.running;
        },
      });
      if (current) await stop(current.running);
    },
    { scope: "worker", timeout: 60_000 },
  ],
  realise: [
    async ({ fileServers }, use, testInfo) => use(await fileServers.forFile(testInfo.file)),
    { timeout: 120_000 },
  ],
  baseURL: async ({ realise }, use) => use(realise.url),
  newPage: async ({ browser, realise }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL: realise.url });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.route(
        (url) => !/^(127\.0\.0\.1|localhost)$/.test(url.hostname),
        (route) => route.abort(),
      );
      return { context, page, errors };
    });
    // Contexts a failing test left open.
    for (const context of contexts) await context.close();
  },
});
