import { join } from "node:path";
import { defineConfig, type ReporterDescription } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./src/chromium.js";

const reportDir = process.env.VITEST_REPORT_DIR;
// test-all.mjs totals the reports it finds in VITEST_REPORT_DIR; this one in Playwright's JSON shape.
const reporter: ReporterDescription[] = reportDir
  ? [["list"], ["json", { outputFile: join(reportDir, "tooling-e2e.playwright.json") }]]
  : [["list"]];

export default defineConfig({
  testDir: "test",
  testMatch: "**/*.test.ts",
  outputDir: "test-results",
  globalSetup: "./src/global-setup.ts",
  timeout: 60_000,
  // Two cores and one server per file: the files run one after another in one worker.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter,
  use: {
    browserName: "chromium",
    headless: true,
    // Debian's Chromium, never a downloaded browser (`playwright install` cannot reach its host here).
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
