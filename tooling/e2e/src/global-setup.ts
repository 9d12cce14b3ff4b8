import type { TestProject } from "vitest/node";
import { chromiumPath } from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    chromium: string | null;
  }
}

/** Find Debian's Chromium once; without it the browser tests skip, unless E2E_REQUIRED=1. */
export default async function setup(project: TestProject) {
  const chromium = chromiumPath() ?? null;
  if (!chromium && process.env.E2E_REQUIRED === "1") {
    throw new Error("E2E_REQUIRED=1 but Chromium is not installed (apt-get install -y chromium)");
  }
  project.provide("chromium", chromium);
}
