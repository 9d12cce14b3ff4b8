import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The rules are pure, so test files can share one module graph: zod and the framework load once.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.VITEST_REPORT_DIR ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_REPORT_DIR
      ? { json: `${process.env.VITEST_REPORT_DIR}/${process.cwd().split("/").slice(-2).join("-")}.json` }
      : undefined,
  },
});
