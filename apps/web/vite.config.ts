import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const api = process.env.REALISE_API_URL ?? "http://localhost:3000";

export default defineConfig({
  base: "/",
  plugins: [react()],
  // nhsuk-frontend's prebuilt CSS is already minified and trips the minifier on an old IE hack.
  build: { cssMinify: false, chunkSizeWarningLimit: 900 },
  server: { proxy: { "/trpc": api, "/api": api } },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    reporters: process.env.VITEST_REPORT_DIR ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_REPORT_DIR
      ? { json: `${process.env.VITEST_REPORT_DIR}/apps-web.json` }
      : undefined,
  },
});
