#!/usr/bin/env node
// The README's test command: build, lint, structure (no file over 450 lines, no import circle), typecheck,
// every unit/procedure test (PGlite, and real PostgreSQL when TEST_DATABASE_URL is set), the browser tests,
// and a small bench run. Ends with the totals on a line of their own: "N passed, N failed".
// `test-all.mjs --count DIR` runs nothing and totals the reports already in DIR (to check the counting).
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const countOnly = process.argv[2] === "--count" ? process.argv[3] : undefined;
if (process.argv[2] === "--count" && !countOnly) throw new Error("usage: test-all.mjs --count DIR");
const reportDir = countOnly ?? mkdtempSync(join(tmpdir(), "realise-test-"));
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

/**
 * Run one step, its output passed straight through, keeping each "Unhandled" error vitest printed with
 * the lines after it: such an error fails the step with every test passed, and the totals at the end are
 * all a reader may see of a long log.
 */
function runStep(cmd, args, unhandled) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["inherit", "pipe", "pipe"], env });
    let keep = 0;
    const watch = (out) => {
      let partial = "";
      return (chunk) => {
        out.write(chunk);
        const lines = (partial + chunk.toString("utf8")).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) {
          if (/Unhandled (Error|Rejection)/.test(line)) keep = 25;
          if (keep > 0 && unhandled.length < 200) {
            unhandled.push(line);
            keep -= 1;
          }
        }
      };
    };
    child.stdout.on("data", watch(process.stdout));
    child.stderr.on("data", watch(process.stderr));
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

const failedSteps = [];
const unhandled = [];
for (const [name, [cmd, ...args]] of countOnly ? [] : steps) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(" ")}`);
  const status = await runStep(cmd, args, unhandled);
  if (status !== 0) {
    failedSteps.push(name);
    // Without a build nothing else can run meaningfully.
    if (name === "build") break;
  }
}

/** The titles of a Playwright report's tests that failed first and passed on a retry. */
function flakyTitles(suites = [], path = []) {
  return suites.flatMap((suite) => {
    const here = suite.title ? [...path, suite.title] : path;
    const specs = (suite.specs ?? [])
      .filter((spec) => spec.tests?.some((t) => t.status === "flaky"))
      .map((spec) => [...here, spec.title].join(" › "));
    return [...specs, ...flakyTitles(suite.suites, here)];
  });
}

/** One report's counts: vitest's JSON, or Playwright's (the browser tests), told apart by their shape. */
function countsOf(report) {
  if (report.stats && "expected" in report.stats) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
    // A flaky test counts as passed, but is printed: a retry hid a failure.
    return { passed: expected + flaky, failed: unexpected, skipped, flaky: flakyTitles(report.suites) };
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: report.numPendingTests ?? 0,
    flaky: [],
  };
}

let passed = 0;
let failed = 0;
for (const file of readdirSync(reportDir).sort()) {
  const counts = countsOf(JSON.parse(readFileSync(join(reportDir, file), "utf8")));
  passed += counts.passed;
  failed += counts.failed;
  const flaky = counts.flaky.length ? ` (${counts.flaky.length} of them flaky)` : "";
  console.log(
    `  ${file.replace(/\.json$/, "")}: ${counts.passed} passed${flaky}, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  for (const title of counts.flaky) console.log(`    flaky: ${title}`);
}
if (!countOnly) rmSync(reportDir, { recursive: true, force: true });
// A step that failed outside the test runners (lint, typecheck, build) counts as one failed check.
failed += failedSteps.filter((s) => !s.includes("tests")).length;
// A test step that failed without a failing test in its reports (a crashed setup) still counts.
if (failedSteps.some((s) => s.includes("tests")) && failed === 0) failed = 1;
if (unhandled.length) console.log(`\nUnhandled errors the test runners printed:\n${unhandled.join("\n")}`);
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length || failed ? 1 : 0);
