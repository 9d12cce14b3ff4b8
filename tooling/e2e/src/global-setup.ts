import { startRealise } from "@realise/api/server";
import type { TestProject } from "vitest/node";
import { chromiumPath } from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string | null;
  }
}

/** One built server on embedded PostgreSQL with demo data, shared by the browser tests. */
export default async function setup(project: TestProject) {
  const chromium = chromiumPath() ?? null;
  if (!chromium && process.env.E2E_REQUIRED === "1") {
    throw new Error("E2E_REQUIRED=1 but Chromium is not installed (apt-get install -y chromium)");
  }
  const running = await startRealise({ port: 0, demo: true, log: () => {} });
  project.provide("baseUrl", running.url);
  project.provide("chromium", chromium);
  return async () => {
    await running.close();
  };
}
