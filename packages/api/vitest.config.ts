import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["./test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: process.env.VITEST_REPORT_DIR ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_REPORT_DIR
      ? { json: `${process.env.VITEST_REPORT_DIR}/packages-api.json` }
      : undefined,
  },
});
