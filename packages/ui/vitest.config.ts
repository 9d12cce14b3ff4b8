import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    reporters: process.env.VITEST_REPORT_DIR ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_REPORT_DIR
      ? { json: `${process.env.VITEST_REPORT_DIR}/packages-ui.json` }
      : undefined,
  },
});
