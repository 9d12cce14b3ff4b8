import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { buildPgliteTemplate, buildPostgresTemplate } from "./template.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  const [file, pgTemplate] = await Promise.all([
    buildPgliteTemplate(),
    url ? buildPostgresTemplate(url) : null,
  ]);
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplate", pgTemplate?.name ?? null);
  return async () => {
    rmSync(file, { force: true });
    await pgTemplate?.drop();
  };
}
