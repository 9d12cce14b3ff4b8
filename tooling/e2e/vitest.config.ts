import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["./src/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser, one server: files run one after another.
    fileParallelism: false,
    reporters: process.env.VITEST_REPORT_DIR ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_REPORT_DIR
      ? { json: `${process.env.VITEST_REPORT_DIR}/tooling-e2e.json` }
      : undefined,
  },
});
