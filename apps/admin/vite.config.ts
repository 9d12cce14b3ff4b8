import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";
import { defineConfig } from "vitest/config";

const api = process.env.REALISE_API_URL ?? "http://localhost:3000";

export default defineConfig({
  base: "/admin/",
  // Brotli and gzip twins of every text asset (.br, .gz) beside the original; the server sends the one
  // the browser accepts, so nothing is compressed per request.
  plugins: [react(), compression({ algorithms: ["brotliCompress", "gzip"], threshold: 1024 })],
  // nhsuk-frontend's prebuilt CSS is already minified and trips the minifier on an old IE hack.
  build: { cssMinify: false, chunkSizeWarningLimit: 900 },
  server: { proxy: { "/trpc": api, "/api": api, "/reports": api, "/exports": api } },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    reporters: process.env.VITEST_REPORT_DIR ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_REPORT_DIR
      ? { json: `${process.env.VITEST_REPORT_DIR}/apps-admin.json` }
      : undefined,
  },
});
