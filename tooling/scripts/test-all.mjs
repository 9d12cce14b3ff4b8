#!/usr/bin/env node
// The README's test command: build, lint, structure (no file over 450 lines, no import circle), typecheck,
// every unit/procedure test (PGlite, and real PostgreSQL when TEST_DATABASE_URL is set), the browser tests,
// and a small bench run. Ends with the totals on a line of their own: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const reportDir = mkdtempSync(join(tmpdir(), "realise-test-"));
const env = { ...process.env, VITEST_REPORT_DIR: reportDir, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
const steps = [
  ["build", ["pnpm", "turbo", "run", "build", "--output-logs=errors-only"]],
  ["lint", ["pnpm", "exec", "biome", "check", "."]],
  ["structure", ["node", "tooling/scripts/check-structure.mjs"]],
  ["typecheck", ["pnpm", "turbo", "run", "typecheck", "--output-logs=errors-only"]],
  [
    "unit and procedure tests",
    ["pnpm", "turbo", "run", "test", "--concurrency=1", "--continue", "--output-logs=new-only"],
  ],
  ["browser tests", ["pnpm", "turbo", "run", "e2e", "--continue", "--output-logs=new-only"]],
];

const failedSteps = [];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(" ")}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    failedSteps.push(name);
    // Without a build nothing else can run meaningfully.
    if (name === "build") break;
  }
}

let passed = 0;
let failed = 0;
for (const file of readdirSync(reportDir)) {
  const report = JSON.parse(readFileSync(join(reportDir, file), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  console.log(
    `  ${file.replace(/\.json$/, "")}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests ?? 0} skipped`,
  );
}
rmSync(reportDir, { recursive: true, force: true });
// A step that failed outside vitest (lint, typecheck, build) counts as one failed check.
failed += failedSteps.filter((s) => !s.includes("tests")).length;
// A test step that failed without a failing test in its reports (a crashed setup) still counts.
if (failedSteps.some((s) => s.includes("tests")) && failed === 0) failed = 1;
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length || failed ? 1 : 0);
